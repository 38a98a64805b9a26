"""Drift monitoring (issue 15): recent inputs of a trained version compared with its training snapshot."""
