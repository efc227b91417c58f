"""Saved models: a folder of JSON, CSV and safetensors that ``tag`` and ``quotes`` read."""

from themesift.model.persist import (
    FORMAT,
    MODEL_FILES,
    SURVEY_FORMAT,
    SavedModel,
    check_model_out,
    check_model_target,
    check_not_in_model,
    check_output,
    is_model_folder,
    load_model,
    save_model,
    sha256_of,
)
from themesift.model.survey import (
    SurveyModel,
    SurveyQuestion,
    load_survey_model,
    profile_dict,
    save_survey_model,
)

__all__ = ["FORMAT", "MODEL_FILES", "SURVEY_FORMAT", "SavedModel", "SurveyModel",
           "SurveyQuestion", "check_model_out", "check_model_target", "check_not_in_model",
           "check_output", "is_model_folder",
           "load_model", "load_survey_model", "profile_dict", "save_model", "save_survey_model",
           "sha256_of"]
