"""The suite runs with the network switched off (pytest-socket): anything that tries to
open a connection fails its test."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket")  # it warns, then raises
def test_no_test_can_open_a_network_connection() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
