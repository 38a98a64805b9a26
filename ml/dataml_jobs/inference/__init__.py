"""Inference with a trained model's artifact: the fitted pipeline applied as stored (never re-fitted)."""
