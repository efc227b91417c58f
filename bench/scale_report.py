"""Markdown tables for bench/SCALE.md from the results of bench/scale.py."""

from __future__ import annotations

from typing import Any


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


WHAT = {  # what each kind of input exercises (bench/scale_inputs.py makes them)
    "unique": "every row a different single comment of the pool: each row is a text `tag` "
              "has not seen (at most the pool's distinct texts)",
    "distinct": "every row a different text, two or three real comments of different sets "
                "joined (seeded): each row is a new text to clean, embed and score, at any "
                "size; longer than one comment",
    "resampled": "rows drawn with replacement from the pool: beyond ~15,000 rows the same "
                 "~14,550 texts repeat, so it measures per-row costs and de-duplication, "
                 "not the work per text",
}
STAGES = ("read", "clean", "names", "embed", "assign", "sentiment", "write")


def kind_of(t: dict[str, Any]) -> str:
    return str(t.get("kind") or t["input"].split("-")[0])


def _inputs(tags: list[dict[str, Any]], pool: dict[str, Any]) -> list[str]:
    inputs: dict[str, dict[str, Any]] = {}
    for t in tags:
        inputs.setdefault(t["input"], t)
    rows = []
    for kind in sorted({kind_of(t) for t in inputs.values()}):
        same = sorted((t for t in inputs.values() if kind_of(t) == kind), key=lambda t: t["rows"])
        chars = [f"{t['mean_chars']:.0f}" for t in same if "mean_chars" in t]
        rows.append([kind, " / ".join(f"{t['rows']:,}" for t in same),
                     " / ".join(f"{t['distinct']:,}" for t in same),
                     " / ".join(dict.fromkeys(chars)), WHAT.get(kind, "")])
    pool_chars = f"; the pool's comments average {pool['mean_chars']:.0f}" \
        if "mean_chars" in pool else ""
    return ["What each kind of input exercises (*distinct*: different texts in each input; "
            f"*chars*: mean characters per row{pool_chars}):", "",
            _table(["input", "rows", "distinct", "chars", "what it measures"], rows), ""]


def _tag_row(t: dict[str, Any]) -> list[Any]:
    stages = t.get("stages") or {}
    cells = [f"{stages[s]:.1f}" if s in stages else "" for s in STAGES]
    other = "" if not stages or t.get("stages_summed") else \
        f"{t['seconds'] - sum(stages.values()):.1f}"
    per_s = t.get("distinct_per_s", t["distinct"] / t["seconds"])
    return [t["embedder"], t["engine"], t.get("names", "redacted"), t["input"],
            f"{t['rows']:,}", f"{t['distinct']:,}", t["seconds"], f"{t['rows_per_s']:,}",
            f"{per_s:,.0f}", *cells, other,
            f"{t['peak_rss_mb']} / {t['peak_rss_single_mb']}",
            f"{t['load_before']} -> {t['load_after']}"]


def render(results: dict[str, Any]) -> str:
    m = results["machine"]
    out = [
        f"Measured {m['date']} on {m['cpu']}, {m['nproc']} cores, {m['ram_gb']} GB RAM, "
        f"Python {m['python']}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        "",
        f"Input pool: {results['pool']['rows']} real comments "
        f"({results['pool']['distinct']} distinct texts) from NHS FFT phase 1, Care Opinion "
        "and SemEval restaurants. The scale inputs are made from it with a fixed seed: "
        "*resampled* ones repeat texts, *unique* and *distinct* ones do not (column "
        "*distinct*).",
        "",
    ]
    if "build" in results:
        b = results["build"]
        out += [f"Building the fast embedder once (distilling MiniLM): {b['seconds']} s, "
                f"peak {b['peak_rss_mb']} MB, load {b['load_before']} -> {b['load_after']}.", ""]
    tags = results.get("tag", [])
    if tags:
        out += ["### `themesift tag` end to end (read, clean, names, embed, assign, sentiment, "
                "write CSV)", "", *_inputs(tags, results["pool"]),
                "*seconds*: wall time of the CLI process, start-up and model loading included; "
                "*rows/s* and *distinct/s* divide the rows and the distinct texts by it. The "
                "stage columns are what `tag` prints (\"Time by stage\"): *read* parses the "
                "input, *clean* repairs text, finds non-answers, PII patterns and duplicates, "
                "*names* is spaCy NER for names (what the main process waits for, spaCy "
                "workers included), *embed* and *sentiment* work on each new distinct text, "
                "*assign* finds the themes and builds the rows, *write* commits the chunks and "
                "the CSV; *other* is the rest (Python start-up, imports, loading the model). "
                "With Dask, read and write are the driver's, the other stages are the workers' "
                "seconds summed over the partitions (2 workers in parallel, so they can add up "
                "to more than the wall time) and *other* is not given. Peak RSS (tree / "
                "largest process) adds up the process and all its children (for Dask: "
                "scheduler in the CLI process, 2 worker processes, their nannies; for the "
                "local engine: any spaCy worker process). *load* is the 1-minute load average "
                "before and after the run on this 2-core machine (a run that keeps both cores "
                "busy brings it to about 2 by itself).", ""]
        out += [_table(["embedder", "engine", "redaction", "input", "rows", "distinct",
                        "seconds", "rows/s", "distinct/s", *(f"{s} s" for s in STAGES),
                        "other s", "peak RSS MB", "load"], [_tag_row(t) for t in tags]), ""]
    q = results.get("quality", [])
    if q:
        out += ["### Quality and speed of `analyse` (defaults) against human codes", "",
                "NMI, ARI and per-response F1 from `themesift.metrics.agreement` (non-answers "
                "count as a theme of their own); *unassigned* is the share of substantive "
                "rows with no theme. BERTopic: `BERTopic().fit_transform(docs, embeddings)` "
                "on the raw texts with MiniLM embeddings computed in the same process; its "
                "time is embedding + fit.", ""]
        rows = []
        for r in q:
            if r["embedder"] == "bertopic-defaults":
                secs = f"{r['embed_seconds'] + r['fit_seconds']:.1f} ({r['embed_seconds']:.1f} " \
                       f"+ {r['fit_seconds']:.1f})"
            else:
                secs = f"{r['analyse_seconds']:.1f}"
            rows.append([r["set"].removesuffix(".csv"), f"{r['rows']:,}", r["embedder"], secs,
                         f"{r['nmi']:.3f}", f"{r['ari']:.3f}", f"{r['f1']:.3f}",
                         f"{100 * r['unassigned_share']:.1f}%", r["n_themes"], r["peak_rss_mb"],
                         f"{r['load_before']} -> {r['load_after']}"])
        out += [_table(["set", "rows", "embedder", "seconds", "NMI", "ARI", "F1", "unassigned",
                        "themes", "peak RSS MB", "load"], rows), ""]
    stages = results.get("analyse_stages", [])
    if stages:
        out += ["### `analyse` against BERTopic defaults, back to back (NHS FFT phase 1, "
                "10,302 rows)", "",
                "Each in its own process, one after the other, cold caches. themesift: "
                "seconds from the start of `analyse_file` to the first and last progress "
                "report of each stage (cleaning reports only while spaCy NER runs; the "
                "theme stage also embeds label candidates). BERTopic: MiniLM embedding of "
                "the raw texts (model loading included), then `fit_transform`.", ""]
        rows = []
        for s in stages:
            if "fit_seconds" in s:
                total = s["embed_seconds"] + s["fit_seconds"]
                cells = ["", f"0 - {s['embed_seconds']:.1f}", f"fit {s['fit_seconds']:.1f}"]
                name = "BERTopic defaults"
            else:
                total = s["analyse_seconds"]
                cells = [" - ".join(map(str, s["stages"].get(k, ["", ""])))
                         for k in ("clean", "embed", "themes")]
                name = f"themesift ({s['embedder']})"
            rows.append([name, f"{total:.1f}", *cells, f"{s['nmi']:.3f}", f"{s['ari']:.3f}",
                         f"{100 * s['unassigned_share']:.1f}%", s["n_themes"],
                         s["peak_rss_mb"], f"{s['load_before']} -> {s['load_after']}"])
        out += [_table(["run", "total s", "clean", "embed", "themes", "NMI", "ARI",
                        "unassigned", "themes", "peak RSS MB", "load"], rows), ""]
    return "\n".join(out)
