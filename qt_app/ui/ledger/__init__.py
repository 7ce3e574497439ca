"""兑现台账: the ledger screen (一企一档), its dialogs and papers."""
