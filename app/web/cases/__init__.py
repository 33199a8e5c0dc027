"""Pages of 一事一议 cases: opening a case (resident) and the console's cases."""
