"""Pages of who pays (居民出资): the console's charges and payments, a project's page for residents."""
