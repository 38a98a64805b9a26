"""Model training shared by the train, SHAP and prediction jobs: one fitted sklearn Pipeline per model."""
