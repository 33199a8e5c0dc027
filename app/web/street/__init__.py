"""The street office's pages (街道 / 区 staff): the ranking, 片区."""
