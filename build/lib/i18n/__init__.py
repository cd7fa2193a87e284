"""Languages of Masir: English, Dari (fa_AF) and Pashto (ps); catalogs, direction, fonts."""
