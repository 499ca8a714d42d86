"""Hypothesis strategies users can reuse to test code built on karabakh_tolls."""
