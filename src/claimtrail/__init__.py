"""claimtrail: estimates of fighters and casualties in news text, with their provenance."""
