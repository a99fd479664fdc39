"""A WebSocket test communicator like channels.testing's, without its daphne import.

channels.testing/__init__ imports the live-server helper, which needs daphne (not a dependency)."""

import json
from unittest import mock

from asgiref.testing import ApplicationCommunicator


def _no_op() -> None:
    pass


class WebsocketCommunicator(ApplicationCommunicator):
    def __init__(self, application, path, headers=None):
        super().__init__(
            application,
            {
                "type": "websocket",
                "path": path,
                "query_string": b"",
                "headers": headers or [],
                "subprotocols": [],
            },
        )

    async def send_input(self, message):
        # As channels.testing does: keep the test's DB connection open across consumer calls.
        with mock.patch("channels.db.close_old_connections", _no_op):
            return await super().send_input(message)

    async def receive_output(self, timeout=1):
        with mock.patch("channels.db.close_old_connections", _no_op):
            return await super().receive_output(timeout)

    async def connect(self, timeout=2):
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, response.get("code", 1000)
        return True, None

    async def send_to(self, text_data):
        await self.send_input({"type": "websocket.receive", "text": text_data})

    async def send_json_to(self, data):
        await self.send_to(json.dumps(data))

    async def receive_json_from(self, timeout=1):
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send", response
        return json.loads(response["text"])

    async def disconnect(self, code=1000, timeout=1):
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)
