"""At most a few kernels at once: a new lesson's kernel stops the least recently used one.

JupyterLab opens a lesson reached through a navigation link in a new tab and
keeps the previous lesson's kernel running; a learner walking through the
course would pile up a kernel per lesson. :class:`CourseSessionManager` (set
as ``ServerApp.session_manager_class``) shuts down the session whose kernel
was idle longest whenever a new one would make more than :data:`MAX_KERNELS`.
"""
from jupyter_server.services.sessions.sessionmanager import SessionManager
from traitlets import Int

MAX_KERNELS = 3


class CourseSessionManager(SessionManager):
    """A session manager that keeps at most ``max_kernels`` notebook kernels."""

    max_kernels = Int(MAX_KERNELS, config=True,
                      help="Most kernels at once; a new one stops the least recently used.")

    async def create_session(self, path=None, name=None, type=None, kernel_name=None,
                             kernel_id=None):
        """Create a session, first stopping the idlest ones beyond ``max_kernels - 1``."""
        if kernel_id is None or kernel_id not in self.kernel_manager:
            await self._make_room(self.max_kernels - 1)
        return await super().create_session(path=path, name=name, type=type,
                                            kernel_name=kernel_name, kernel_id=kernel_id)

    async def _make_room(self, keep):
        sessions = await self.list_sessions()
        if len(sessions) <= keep:
            return
        sessions.sort(key=lambda s: s["kernel"]["last_activity"] or "")
        for s in sessions[: len(sessions) - keep]:
            self.log.info("Stopping the kernel of %s: a new lesson opened (at most %d kernels)",
                          s["path"], self.max_kernels)
            await self.delete_session(s["id"])
