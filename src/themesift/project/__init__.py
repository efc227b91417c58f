"""Projects: an analysis and the researcher's edits to it, kept in one SQLite file."""

from themesift.project.edits import (
    MAX_LABEL,
    MAX_SPLIT,
    Context,
    Delete,
    Edit,
    EditError,
    EditState,
    Merge,
    Move,
    Rename,
    Split,
)
from themesift.project.project import (
    Base,
    View,
    apply_edit,
    build_view,
    create_project,
    load_base,
    undo,
)
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

__all__ = ["MAX_LABEL", "MAX_SPLIT", "Base", "Context", "Delete", "Edit", "EditError",
           "EditState", "LogEntry", "Merge", "Move", "ProjectStore", "Rename", "Split", "View",
           "active_edits", "apply_edit", "build_view", "create_project", "list_projects",
           "load_base", "project_path", "projects_dir", "safe_name", "undo", "SurveyIndex",
           "list_surveys", "member_name", "read_survey_index", "survey_path",
           "write_survey_index"]
