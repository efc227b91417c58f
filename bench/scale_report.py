"""Markdown tables for bench/SCALE.md from the results of bench/scale.py."""

from __future__ import annotations

from typing import Any


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render(results: dict[str, Any]) -> str:
    m = results["machine"]
    out = [
        f"Measured {m['date']} on {m['cpu']}, {m['nproc']} cores, {m['ram_gb']} GB RAM, "
        f"Python {m['python']}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        "",
        f"Input pool: {results['pool']['rows']} real comments "
        f"({results['pool']['distinct']} distinct texts) from NHS FFT phase 1, Care Opinion "
        "and SemEval restaurants; the scale inputs resample it with a fixed seed, so larger "
        "inputs repeat texts (column *distinct*).",
        "",
    ]
    if "build" in results:
        b = results["build"]
        out += [f"Building the fast embedder once (distilling MiniLM): {b['seconds']} s, "
                f"peak {b['peak_rss_mb']} MB, load {b['load_before']} -> {b['load_after']}.", ""]
    tags = results.get("tag", [])
    if tags:
        out += ["### `themesift tag` end to end (read, clean, embed, assign, write CSV)", "",
                "Wall time of the CLI process, start-up and model loading included. Peak RSS "
                "adds up the process and all its children (for Dask: scheduler in the CLI "
                "process, 2 worker processes, their nannies; for the local engine: the spaCy "
                "worker process). *load* is the 1-minute load average before and after the "
                "run on this 2-core machine (a run that keeps both cores busy brings it to "
                "about 2 by itself).", ""]
        rows = [[t["embedder"], t["engine"], t.get("names", "redacted"), t["input"],
                 f"{t['rows']:,}", f"{t['distinct']:,}", t["seconds"], f"{t['rows_per_s']:,}", t["peak_rss_mb"],
                 t["peak_rss_single_mb"], f"{t['load_before']} -> {t['load_after']}"]
                for t in tags]
        out += [_table(["embedder", "engine", "names", "input", "rows", "distinct", "seconds",
                        "rows/s",
                        "peak RSS MB (tree)", "largest process MB", "load"], rows), ""]
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
                         f"{r['nmi']:.3f}", f"{r['ari']:.3f}", f"{r['f1']:.3f}", f"{100 * r['unassigned_share']:.1f}%",
                         r["n_themes"], r["peak_rss_mb"], f"{r['load_before']} -> {r['load_after']}"])
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
