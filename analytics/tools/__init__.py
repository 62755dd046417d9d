"""Generators: the demo seed files and the national-scale synthetic store."""
