"""Customer archive (客户档案): customers, equipment, warranty, search, history and their sheets."""
