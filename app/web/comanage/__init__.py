"""Pages of 共管: the estate's decisions, rating and income (resident) and the console's."""
