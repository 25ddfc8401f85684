"""claimtrail: estimates of fighters and casualties in news text, with their provenance.

The package is built in five wings, each importing only those before it: ``text``
(reading news text), ``io`` (data in and out), ``extraction`` (claims read from any text,
and their scoring), ``analysis`` (comparison, provenance, grades) and ``publish`` (the
book). ``cli`` is the command line; nothing imports it.
"""
