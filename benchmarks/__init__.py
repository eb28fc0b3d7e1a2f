"""Speed measurements (`make bench`) and the development-only app that fills their databases."""
