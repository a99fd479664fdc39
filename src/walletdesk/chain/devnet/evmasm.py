"""A two-pass EVM assembler: just enough to hand-write small contracts and stay readable.

A program is a list of items: an opcode name ("CALLER"), a push ("PUSH1", 0x20) / ("PUSH4", b"...")
with an int or bytes operand, a label definition ("label", "name"), or a label reference
("PUSHLABEL", "name") which always assembles to PUSH2 so offsets are known in the first pass.
"""

from __future__ import annotations

from collections.abc import Sequence

OPCODES: dict[str, int] = {
    "STOP": 0x00,
    "ADD": 0x01,
    "MUL": 0x02,
    "SUB": 0x03,
    "DIV": 0x04,
    "LT": 0x10,
    "GT": 0x11,
    "EQ": 0x14,
    "ISZERO": 0x15,
    "AND": 0x16,
    "OR": 0x17,
    "NOT": 0x19,
    "SHL": 0x1B,
    "SHR": 0x1C,
    "ADDRESS": 0x30,
    "CALLER": 0x33,
    "CALLVALUE": 0x34,
    "CALLDATALOAD": 0x35,
    "CALLDATASIZE": 0x36,
    "CODECOPY": 0x39,
    "POP": 0x50,
    "MLOAD": 0x51,
    "MSTORE": 0x52,
    "SLOAD": 0x54,
    "SSTORE": 0x55,
    "JUMP": 0x56,
    "JUMPI": 0x57,
    "GAS": 0x5A,
    "JUMPDEST": 0x5B,
    "PUSH0": 0x5F,
    "DUP1": 0x80,
    "DUP2": 0x81,
    "DUP3": 0x82,
    "DUP4": 0x83,
    "DUP5": 0x84,
    "DUP6": 0x85,
    "DUP7": 0x86,
    "SWAP1": 0x90,
    "SWAP2": 0x91,
    "SWAP3": 0x92,
    "LOG1": 0xA1,
    "LOG2": 0xA2,
    "LOG3": 0xA3,
    "CALL": 0xF1,
    "RETURN": 0xF3,
    "REVERT": 0xFD,
}

Item = str | tuple[str, object]


def _push_bytes(op: str, operand: object) -> bytes:
    size = int(op[4:])
    if isinstance(operand, bytes):
        raw = operand
    elif isinstance(operand, int):
        raw = operand.to_bytes(size, "big")
    else:
        raise TypeError(f"{op} needs int or bytes, not {operand!r}")
    if len(raw) != size:
        raise ValueError(f"{op} needs exactly {size} bytes, got {len(raw)}")
    return bytes([0x5F + size]) + raw


def assemble(program: Sequence[Item]) -> bytes:
    """Assemble `program`; labels resolve to their byte offset (a JUMPDEST must follow them)."""
    labels: dict[str, int] = {}
    offset = 0
    for item in program:
        if isinstance(item, tuple) and item[0] == "label":
            labels[str(item[1])] = offset
        elif isinstance(item, tuple) and item[0] == "PUSHLABEL":
            offset += 3
        elif isinstance(item, tuple):
            offset += 1 + int(item[0][4:])
        else:
            offset += 1
    out = bytearray()
    for item in program:
        if isinstance(item, tuple) and item[0] == "label":
            continue
        if isinstance(item, tuple) and item[0] == "PUSHLABEL":
            out += _push_bytes("PUSH2", labels[str(item[1])])
        elif isinstance(item, tuple):
            out += _push_bytes(item[0], item[1])
        else:
            out.append(OPCODES[item])
    return bytes(out)


def deployer(runtime: bytes, constructor: Sequence[Item] = ()) -> bytes:
    """Init code: run `constructor`, then copy `runtime` into memory and return it as the contract code."""
    head = list(constructor)
    # The copy tail is fixed-size, so the runtime's offset is known once the head is assembled.
    tail_len = len(
        assemble([("PUSH2", 0), ("PUSH2", 0), ("PUSH1", 0), "CODECOPY", ("PUSH2", 0), ("PUSH1", 0), "RETURN"])
    )
    start = len(assemble(head)) + tail_len
    tail: list[Item] = [
        ("PUSH2", len(runtime)),
        ("PUSH2", start),
        ("PUSH1", 0),
        "CODECOPY",
        ("PUSH2", len(runtime)),
        ("PUSH1", 0),
        "RETURN",
    ]
    return assemble(head + tail) + runtime
