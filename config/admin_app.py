"""django.contrib.admin with the beheeromgeving's own site; INSTALLED_APPS names it in place of the admin.

The site lives in its own module (config/admin_site.py), because it imports models, which this module must
not while the app registry is being filled."""

from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    default_site = "config.admin_site.BeheerSite"
