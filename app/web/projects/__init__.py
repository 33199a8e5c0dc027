"""Pages of renovation projects (共建 共管 共评 共享) and the maintenance fund: resident and console."""
