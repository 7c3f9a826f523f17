from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import bounces


@csrf_exempt
@require_POST
def bounce_webhook(request):
    """Providers report bounces and complaints here, signed with our secret."""
    body = request.body
    if not bounces.verify_signature(
        body,
        request.headers.get("X-Samizdat-Timestamp", ""),
        request.headers.get("X-Samizdat-Signature", ""),
    ):
        return HttpResponse("Bad or missing signature.\n", status=403)
    try:
        events = bounces.parse_webhook(body)
    except (ValueError, AttributeError, TypeError) as error:
        return HttpResponse(f"Bad payload: {error}\n", status=400)
    return JsonResponse({"suppressed": bounces.apply(events)})
