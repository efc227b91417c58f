"""Projects: an analysis and the researcher's edits to it, kept in one SQLite file."""

from themesift.project.edits import (
    MAX_LABEL,
    MAX_SPLIT,
    CodeComments,
    Context,
    Delete,
    Edit,
    EditError,
    EditState,
    Merge,
    Move,
    Rename,
    Split,
    taught_labels,
)
from themesift.project.grain_edits import MoveToFamily, Recluster, RenameFamily, SetFamilies
from themesift.project.project import (
    Base,
    View,
    apply_edit,
    build_view,
    create_project,
    load_base,
    undo,
)
from themesift.project.review import QueueItem, review_queue
from themesift.project.store import (
    LogEntry,
    ProjectStore,
    active_edits,
    list_projects,
    project_path,
    projects_dir,
    safe_name,
)
from themesift.project.surveys import (
    SurveyIndex,
    list_surveys,
    member_name,
    read_survey_index,
    survey_path,
    write_survey_index,
)

__all__ = ["Base", "CodeComments", "Context", "Delete", "Edit", "EditError", "EditState",
           "LogEntry", "MAX_LABEL", "MAX_SPLIT", "Merge", "Move", "MoveToFamily",
           "ProjectStore", "QueueItem", "Recluster", "Rename", "RenameFamily", "SetFamilies",
           "Split", "SurveyIndex", "View", "active_edits", "apply_edit", "build_view",
           "create_project", "list_projects", "list_surveys", "load_base", "member_name",
           "project_path", "projects_dir", "read_survey_index", "review_queue", "safe_name",
           "survey_path", "taught_labels", "undo", "write_survey_index"]
