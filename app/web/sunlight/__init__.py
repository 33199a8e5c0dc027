"""Pages of sunlight (日照) analyses: the estate's analyses and each resident's own windows."""
