"""The beheeromgeving's admin site: Django's own, with the editors' dashboard on its start page
(assessment/dashboard.py). config/admin_app.py makes it the default site, so `admin.site` and every
`@admin.register` use it."""

from django.contrib.admin import AdminSite

from assessment.dashboard import editor_dashboard


class BeheerSite(AdminSite):
    def index(self, request, extra_context=None):
        """The start page: the dashboard's sections above the list of apps; `?toon=<section>` shows all the
        rows of one section."""
        sections = editor_dashboard(request.user, show_all=request.GET.get("toon", ""))
        return super().index(request, extra_context={"dashboard": sections, **(extra_context or {})})
