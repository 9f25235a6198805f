from django.shortcuts import render

from . import selectors
from .forms import SearchForm


def search(request):
    """Site search over lessons and measures, grouped by type."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = selectors.search(query=query)
    return render(
        request,
        "cms/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "count": len(results["lessons"]) + len(results["measures"]),
        },
    )
