"""Recent gewijzigd: new items, new vastgestelde beoordelingen and important changes, as a page and as an
Atom feed, so visitors can follow the catalogue. Only changes of items that are published now are shown, and
never who made them (catalogue.models.Wijziging)."""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition
from django.views.generic import ListView

from catalogue.kinds import kind_of
from catalogue.models import Wijziging
from core.http import catalogue_etag
from core.navigation import HOME, crumb

PAGE_SIZE = 25
FEED_ENTRIES = 50
TITLE = _("Recent gewijzigd")


def with_kind_labels(wijzigingen):
    """The changes, each with the word for its item's kind ('woonvorm') as `soort_item`."""
    wijzigingen = list(wijzigingen)
    for wijziging in wijzigingen:
        wijziging.soort_item = kind_of(wijziging.item).label
    return wijzigingen


class RecentChangesView(ListView):
    """The changes newest first, a page at a time, with the feed to follow them."""

    template_name = "website/recent_changes.html"
    context_object_name = "wijzigingen"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Wijziging.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            wijzigingen=with_kind_labels(context["wijzigingen"]),
            breadcrumbs=[crumb(HOME, reverse("website:home")), crumb(TITLE)],
        )
        return context


class RecentChangesFeed(Feed):
    """The same changes as an Atom feed, the newest FEED_ENTRIES of them."""

    feed_type = Atom1Feed
    title = _("Recent gewijzigd in de Wonen Eerst receptenbank")
    subtitle = _("Nieuwe items, nieuwe beoordelingen en belangrijke wijzigingen in de receptenbank.")
    author_name = _("Redactie Wonen Eerst receptenbank")

    def get_object(self, request, *args, **kwargs):
        """The site's host name, which makes each entry's id unique and lasting (see items())."""
        return urlsplit(request.build_absolute_uri()).hostname

    def link(self):
        return reverse("website:recent-gewijzigd")

    def items(self, host):
        wijzigingen = with_kind_labels(Wijziging.objects.published()[:FEED_ENTRIES])
        for wijziging in wijzigingen:
            # An item changes more than once, so its address cannot be the entry's id (RFC 4151 tag URI).
            day = timezone.localdate(wijziging.datum)
            wijziging.tag_uri = f"tag:{host},{day:%Y-%m-%d}:recent-gewijzigd/wijziging-{wijziging.pk}"
        return wijzigingen

    def item_title(self, wijziging):
        return wijziging.titel

    def item_description(self, wijziging):
        """Plain text, escaped: an Atom summary is read as HTML."""
        return escape(wijziging.omschrijving or wijziging.get_soort_display())

    def item_link(self, wijziging):
        return wijziging.item.get_absolute_url()

    def item_guid(self, wijziging):
        return wijziging.tag_uri

    def item_guid_is_permalink(self, wijziging):
        return False

    def item_pubdate(self, wijziging):
        return wijziging.datum

    def item_updateddate(self, wijziging):
        return wijziging.datum

    def item_categories(self, wijziging):
        return [wijziging.get_soort_display(), wijziging.soort_item]


# A feed reader that asks again gets 304 Not Modified until the catalogue changes.
recent_changes_feed = condition(etag_func=catalogue_etag)(RecentChangesFeed())
