"""Writes the import benchmark's CSV: French Excel style (Windows-1252, semicolons, CRLF).

usage: python3 bench/make-import-csv.py FILE ROWS
"""
import random
import sys

path, rows = sys.argv[1], int(sys.argv[2])
random.seed(7)
first = ["Élodie", "Hélène", "Camille", "Léa", "Hugo", "Inès", "Noël", "Zoé", "François", "Chloé"]
last = ["Lefèvre", "Dubois", "Müller", "Garçon", "Martin", "Bernard", "Rousseau", "Faure"]
cities = ["Saint-Étienne", "Besançon", "Orléans", "Nîmes", "Paris", "Lyon", "Évry"]
with open(path, "w", encoding="cp1252", newline="") as f:
    f.write("Prénom;Nom;Courriel;Code postal;Ville;Pays;Téléphone\r\n")
    for i in range(1, rows + 1):
        f.write(f"{random.choice(first)};{random.choice(last)};import{i}@bench.example.org;"
                f"{random.randint(1000, 95999):05d};{random.choice(cities)};France;06{random.randint(10000000, 99999999)}\r\n")
