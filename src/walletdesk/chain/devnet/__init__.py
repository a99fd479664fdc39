"""Development and test tooling for EVM chains: a tiny assembler, test contracts, an anvil runner.

Nothing here is used by the product at run time; tests, bench/diagnose.py and the demo use it to
stand up real local chains without a Solidity compiler (none may be downloaded).
"""
