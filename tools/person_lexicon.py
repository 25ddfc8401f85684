"""Generate src/claimtrail/text/person_nouns.txt: the nouns that name people, from WordNet.

Reads WordNet 3.0 as Debian's ``wordnet-base`` package installs it (``apt-get install
wordnet-base``: /usr/share/wordnet/data.noun and noun.exc). The lexicon is every
one-word lemma of ``person.n.01`` and of all its hyponyms (not instances: those are named
individuals) whose first or second sense (WordNet orders a lemma's senses by frequency)
is such a synset, so that "medic" and "bomber" are in and "town", "square" and "head",
whose person senses are rare, are out; plus the lemmas of a few synsets that name
groups of people and are counted like people in news ("30 regime forces", "50 troops",
"five staff"); each with its plural.
Each line is ``word<TAB>kind``: ``combatant`` for the nouns under the synsets of people who
fight (combatant, serviceman, insurgent, terrorist, guerrilla, militant, mercenary,
militiaman, extremist, jihadist) and the military groups, else ``person``: a bomber, an
attacker or a gunman is named for an attack, not for belonging to a fighting force.
The output is committed, so that nothing else needs WordNet; run this again only to
regenerate it:

    python tools/person_lexicon.py [--wordnet /usr/share/wordnet] \
        > src/claimtrail/text/person_nouns.txt

WordNet 3.0 is Copyright 2006 by Princeton University, under the WordNet 3.0 licence
(permissive: use, copy, modify and distribute with the copyright notice); the header of
the output says so.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

PERSON = "00007846"  # person.n.01: a human being
# Groups of people counted like people: people.n.01 ("people"), force.n.04 ("force",
# "personnel"), military_personnel.n.01 ("troops"), troop.n.02, police.n.01, staff.n.01,
# militia.n.01.
GROUPS = ("07942152", "08208016", "08397255", "08274354", "08209687", "08439955", "08390511")
MILITARY_GROUPS = ("08208016", "08397255", "08274354", "08390511")
COMBATANTS = (
    "09939313", "10582746", "10210137", "10702781", "10150556",
    "10315837", "10309614", "10317717", "10074735", "09683180",
)  # fmt: skip
_WORD = re.compile(r"[a-z][a-z'-]*")


def read_synsets(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """offset -> (lemmas, hyponym offsets) of every noun synset in data.noun."""
    synsets = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(count)]
        k = 4 + 2 * count
        pointers = [fields[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(int(fields[k]))]
        hyponyms = [target for symbol, target, pos, _ in pointers if symbol == "~" and pos == "n"]
        synsets[fields[0]] = (lemmas, hyponyms)
    return synsets


def subtree(synsets: dict[str, tuple[list[str], list[str]]], root: str) -> set[str]:
    """``root`` and every synset below it by hyponymy."""
    seen, stack = set(), [root]
    while stack:
        offset = stack.pop()
        if offset not in seen:
            seen.add(offset)
            stack += synsets[offset][1]
    return seen


def plural(word: str, irregular: dict[str, str]) -> str:
    """The regular English plural of a noun, or its irregular one from noun.exc."""
    if word in irregular:
        return irregular[word]
    if word.endswith("man") and word not in ("human", "german", "shaman", "talisman"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _words(lemmas: list[str], irregular: dict[str, str]) -> set[str]:
    """The one-word lemmas, lower case, with their plurals."""
    words = set()
    for lemma in lemmas:
        word = re.sub(r"\(.*\)$", "", lemma).lower()  # "(a)" / "(p)" adjective markers
        if _WORD.fullmatch(word):
            words |= {word, plural(word, irregular)}
    return words


def common_senses(path: Path, rank: int = 2) -> dict[str, set[str]]:
    """Lemma -> offsets of its ``rank`` most frequent senses, from index.noun."""
    senses = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        senses[fields[0]] = set(fields[-int(fields[2]) :][:rank])
    return senses


def lexicon(wordnet: Path) -> dict[str, str]:
    """Person nouns (singular and plural, lower case, one word each) -> kind."""
    synsets = read_synsets(wordnet / "data.noun")
    common = common_senses(wordnet / "index.noun")
    irregular = {}
    for line in (wordnet / "noun.exc").read_text(encoding="latin-1").splitlines():
        inflected, base = line.split()[:2]
        irregular.setdefault(base, inflected)
    fighting = set(MILITARY_GROUPS).union(*(subtree(synsets, root) for root in COMBATANTS))
    kinds = {}
    people = subtree(synsets, PERSON)
    for offset in people | set(GROUPS):
        kind = "combatant" if offset in fighting else "person"
        lemmas = [
            lemma
            for lemma in synsets[offset][0]
            if offset in GROUPS or common.get(lemma.lower(), set()) & people
        ]
        for word in _words(lemmas, irregular):
            if kinds.get(word) != "combatant":  # a word with a fighting sense counts fighters
                kinds[word] = kind
    return kinds


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    options = arguments.parse_args()
    print("# Person nouns: generated by tools/person_lexicon.py from WordNet 3.0 (Debian")
    print("# wordnet-base 1:3.0-37). WordNet 3.0 Copyright 2006 by Princeton University. All")
    print("# rights reserved. Used under the WordNet 3.0 licence: permission to use, copy,")
    print("# modify and distribute for any purpose without fee, with this notice.")
    for word, kind in sorted(lexicon(options.wordnet).items()):
        print(f"{word}\t{kind}")


if __name__ == "__main__":
    main()
