"""Pages of elevator projects (加装电梯): the resident's project page and the console's section."""
