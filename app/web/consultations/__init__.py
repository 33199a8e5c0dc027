"""Pages of consultations (征询, 表决): the resident's vote and receipt, the console's
consultations, paper ballots and corrections."""
