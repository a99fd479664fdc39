"""Hand-assembled test contracts: a minimal ERC-20 and a forwarding "router".

How they were produced: written below as EVM assembly and assembled by `evmasm.assemble` (no
Solidity compiler may be downloaded). The bytecode is deterministic; `python -m
walletdesk.chain.devnet.contracts` prints it.

Token (ERC-20 subset, enough for deposits):
  - constructor: balance[deployer] = SUPPLY (balances live at storage slot = holder address)
  - transfer(address,uint256) 0xa9059cbb: reverts on insufficient balance, emits
    Transfer(from, to, value), returns true
  - balanceOf(address) 0x70a08231, decimals() 0x313ce567 (a constant chosen at build time)

Router (no ABI, raw calldata): (token, to, amount) word triples; for each it calls
token.transfer(to, amount) from the router's own balance and reverts if one fails. One
call therefore makes Transfer logs "emitted by a contract the tx called", one or several per tx.
"""

from __future__ import annotations

from walletdesk.chain.devnet.evmasm import Item, assemble, deployer

TRANSFER_TOPIC = bytes.fromhex("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
ADDRESS_MASK = (1 << 160) - 1
SUPPLY = 1 << 200


def _return_word_at_0() -> list[Item]:
    return [("PUSH1", 0), "MSTORE", ("PUSH1", 32), ("PUSH1", 0), "RETURN"]


def token_runtime(decimals: int = 18) -> bytes:
    # Stack comments list the top first.
    # fmt: off
    program: list[Item] = [
        ("PUSH1", 0), "CALLDATALOAD", ("PUSH1", 0xE0), "SHR",                  # selector
        "DUP1", ("PUSH4", 0xA9059CBB), "EQ", ("PUSHLABEL", "transfer"), "JUMPI",
        "DUP1", ("PUSH4", 0x70A08231), "EQ", ("PUSHLABEL", "balance_of"), "JUMPI",
        "DUP1", ("PUSH4", 0x313CE567), "EQ", ("PUSHLABEL", "decimals"), "JUMPI",
        ("label", "fail"), "JUMPDEST", ("PUSH1", 0), "DUP1", "REVERT",
        # transfer(to, amount)
        ("label", "transfer"), "JUMPDEST",
        ("PUSH1", 0x24), "CALLDATALOAD",                                       # amt
        "CALLER", "SLOAD",                                                     # bal amt
        "DUP2", "DUP2", "LT", ("PUSHLABEL", "fail"), "JUMPI",                  # bal < amt → revert
        "DUP2", "SWAP1", "SUB",                                                # bal-amt amt
        "CALLER", "SSTORE",                                                    # amt
        ("PUSH1", 4), "CALLDATALOAD", ("PUSH20", ADDRESS_MASK), "AND",         # to amt
        "DUP1", "SLOAD", "DUP3", "ADD",                                        # tobal+amt to amt
        "DUP2", "SSTORE",                                                      # to amt
        "SWAP1", ("PUSH1", 0), "MSTORE",                                       # to ; mem[0] = amt
        "CALLER", ("PUSH32", TRANSFER_TOPIC), ("PUSH1", 32), ("PUSH1", 0), "LOG3",  # Transfer(caller, to, amt)
        ("PUSH1", 1), *_return_word_at_0(),
        # balanceOf(holder)
        ("label", "balance_of"), "JUMPDEST",
        ("PUSH1", 4), "CALLDATALOAD", ("PUSH20", ADDRESS_MASK), "AND", "SLOAD", *_return_word_at_0(),
        # decimals()
        ("label", "decimals"), "JUMPDEST",
        ("PUSH1", decimals), *_return_word_at_0(),
    ]
    # fmt: on
    return assemble(program)


def token_initcode(decimals: int = 18) -> bytes:
    constructor: list[Item] = [("PUSH32", SUPPLY), "CALLER", "SSTORE"]
    return deployer(token_runtime(decimals), constructor)


def router_runtime() -> bytes:
    # fmt: off
    program: list[Item] = [
        ("PUSH1", 0),                                                          # i
        ("label", "loop"), "JUMPDEST",
        "CALLDATASIZE", "DUP2", "LT", "ISZERO", ("PUSHLABEL", "done"), "JUMPI",  # i >= size → done
        ("PUSH4", 0xA9059CBB), ("PUSH1", 0xE0), "SHL", ("PUSH1", 0), "MSTORE",   # mem[0:4] = transfer selector
        "DUP1", ("PUSH1", 0x20), "ADD", "CALLDATALOAD", ("PUSH1", 4), "MSTORE",  # mem[4:36] = to
        "DUP1", ("PUSH1", 0x40), "ADD", "CALLDATALOAD", ("PUSH1", 0x24), "MSTORE",  # mem[36:68] = amount
        # call(gas, token = calldata[i], value 0, in 0..0x44, out 0..0x20)
        ("PUSH1", 0x20), ("PUSH1", 0), ("PUSH1", 0x44), ("PUSH1", 0), ("PUSH1", 0), "DUP6", "CALLDATALOAD",
        "GAS", "CALL",
        "ISZERO", ("PUSHLABEL", "fail"), "JUMPI",
        ("PUSH1", 0x60), "ADD", ("PUSHLABEL", "loop"), "JUMP",                 # next triple
        ("label", "done"), "JUMPDEST", "STOP",
        ("label", "fail"), "JUMPDEST", ("PUSH1", 0), "DUP1", "REVERT",
    ]
    # fmt: on
    return assemble(program)


def router_initcode() -> bytes:
    return deployer(router_runtime())


def router_calldata(payments: list[tuple[str, str, int]]) -> str:
    """Calldata for the router: (token, to, amount) triples, each value one 32-byte word."""
    words: list[int] = []
    for token, to, amount in payments:
        words += [int(token, 16), int(to, 16), amount]
    return "0x" + "".join(w.to_bytes(32, "big").hex() for w in words)


def transfer_calldata(to: str, amount: int) -> str:
    return "0xa9059cbb" + int(to, 16).to_bytes(32, "big").hex() + amount.to_bytes(32, "big").hex()


if __name__ == "__main__":
    print("token(18) initcode:", token_initcode(18).hex())
    print("router initcode:  ", router_initcode().hex())
