"""Pages of co-planning: the estate's application and plans (resident), the console and street."""
