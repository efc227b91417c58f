"""Saved models: a folder of JSON, CSV and safetensors that ``tag`` and ``quotes`` read."""

from themesift.model.persist import (
    FORMAT,
    MODEL_FILES,
    SavedModel,
    check_model_target,
    check_not_in_model,
    is_model_folder,
    load_model,
    save_model,
)

__all__ = ["FORMAT", "MODEL_FILES", "SavedModel", "check_model_target", "check_not_in_model",
           "is_model_folder", "load_model", "save_model"]
