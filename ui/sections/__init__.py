"""UI sections: composed parts of pages: widgets and drawing shared by pages."""
