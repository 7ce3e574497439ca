"""The benchmark command: `python -m benchmarks` (see README). Ratios against baselines measured in the same run."""
