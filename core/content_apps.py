"""The apps that hold catalogue content: their rows are cached per generation, backed up and restored.

An app says it holds content with `holds_content = True` on its AppConfig, so this package never names the
apps that build on it. An app may also define `after_restore()`, called once a backup is loaded, to make
values it derives from other rows again.
"""

from django.apps import apps


def content_app_configs():
    return [config for config in apps.get_app_configs() if getattr(config, "holds_content", False)]


def content_models():
    """Every model of the content apps, the history models included."""
    return [model for config in content_app_configs() for model in config.get_models()]
