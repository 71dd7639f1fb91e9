#!/usr/bin/python3
"""A fake org.freedesktop.Notifications service for tests: appends each Notify call as a JSON line."""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

LOG = sys.argv[1]


class Notifications(dbus.service.Object):
    """Records notifications instead of showing them."""

    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.next_id = 0

    @dbus.service.method("org.freedesktop.Notifications", in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.next_id += 1
        urgency = int(hints.get("urgency", 1))
        with open(LOG, "a") as log:
            log.write(json.dumps({"app": str(app), "summary": str(summary), "body": str(body), "urgency": urgency}) + "\n")
        return self.next_id

    @dbus.service.method("org.freedesktop.Notifications", in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body"]

    @dbus.service.method("org.freedesktop.Notifications", in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("fake", "skaha-tui-tests", "1.0", "1.2")


DBusGMainLoop(set_as_default=True)
session_bus = dbus.SessionBus()
name = dbus.service.BusName("org.freedesktop.Notifications", session_bus)
Notifications(session_bus)
print("ready", flush=True)
GLib.MainLoop().run()
