#!/usr/bin/env python3
"""Writes tests/fixtures/oruk/council/: council feeds in the shapes real ones are served
in (an Outpost ORUK 1.x feed in two pages, an Open Place 1.x list, an ORUK 3.0 page and a
full record), with what such feeds really do: HTML descriptions, -1 ages, labelled phones,
bare www. addresses, council names as service areas, numeric ids, a byte-order mark, and
council terms that share words with Haven's ("Refugees/Asylum Seekers", "Homeless
outreach"). Every service and number is invented (Ofcom's drama ranges).

    python3 tools/council-feeds.py
"""
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests/fixtures/oruk/council"
rng = random.Random(10)

# (name, term, description) for services that have nothing to do with domestic abuse.
GENERAL = [
    ("Central Library", "Libraries", "<p>Books, computers and a <strong>warm space</strong>.</p>"),
    ("Refugee Welcome Hub", "Refugees/Asylum Seekers", "<p>Advice for refugees &amp; asylum seekers.</p>"),
    ("Ukraine Family Support", "Support for Ukrainian refugees", "<p>Help for families from Ukraine.</p>"),
    ("Street Outreach Team", "Homeless outreach", "<p>Outreach to people sleeping rough.</p>"),
    ("Mind Advocacy", "Mental health advocacy", "<p>Advocacy under the Mental Health Act.</p>"),
    ("Carers Peer Group", "Peer support", "<p>Peer support for unpaid carers.</p>"),
    ("Citizens Advice Drop-in", "Legal advice", "<p>Legal advice on debt, benefits and housing.</p>"),
    ("Little Stars Nursery", "Children", "<p>Early years childcare.</p>"),
    ("Youth Club", "Outreach", "<p>Detached youth outreach&nbsp;and clubs.</p>"),
    ("Food Bank", "Food", "<p>Emergency food parcels.</p><p>Referral needed.</p>"),
    ("Walking Football", "Sport and leisure", "<p>Gentle football for over-50s.</p>"),
    ("Grape Vine Community Garden", "Volunteering", "<p>Grow food with neighbours.</p>"),
]

# Domestic-abuse services as councils tag them: none of these terms is a Haven code.
DOMESTIC_ABUSE = [
    ("Example Domestic Abuse Outreach", "Domestic abuse", "<p>Support for anyone experiencing <em>domestic abuse</em> in the city.</p><ul><li>Safety planning</li><li>Drop-ins</li></ul>"),
    ("Example IDVA Service", "Domestic Abuse Support", "<p>Independent domestic violence advisers for people at high risk.</p>"),
    ("Example Sexual Violence Service", "Sexual violence", "<p>ISVAs and counselling after rape or sexual assault.</p>"),
    ("Example Women's Refuge", "Domestic abuse", "<p>Safe accommodation for women and children fleeing abuse.</p>"),
    ("Example Sanctuary Scheme", "Domestic Abuse Support", "<p>Extra security so you can stay safely in your home.</p>"),
]


def phone(i, labelled):
    number = f"0117 496 {i:04d}"
    return f"Example Team {i}: {number}" if labelled else number


def outpost_service(i, name, term, description, area):
    """An ORUK 1.x service as Outpost-based directories serve it."""
    return {
        "id": 4000 + i,  # numeric, as some feeds number their records
        "name": name,
        "description": description,
        "url": f"www.example-{i}.org.uk" if i % 3 == 0 else f"https://example-{i}.org.uk",
        "email": f"team{i}@example.org.uk",
        "status": "inactive" if i % 17 == 16 else "active",
        "assured_date": "2026-09-14",
        "organization": {"id": f"org-{i}", "name": f"Example Organisation {i}"},
        "service_taxonomys": [
            {"id": f"st-{i}", "taxonomy": {"id": f"tx-{term}", "name": term, "vocabulary": "Example City Council"}}
        ],
        "eligibilitys": [{"id": f"el-{i}", "eligibility": "All", "minimum_age": -1, "maximum_age": -1}],
        "service_areas": [{"id": f"sa-{i}", "service_area": area}],
        "contacts": [{"id": f"c-{i}", "name": "Team", "phones": [{"id": f"p-{i}", "number": phone(i, i % 20 == 9)}]}],
        "regular_schedules": [
            {"id": f"rs-{i}-1", "weekday": "Monday", "opens_at": "09:00:00", "closes_at": "17:00:00"},
            {"id": f"rs-{i}-3", "weekday": "Wednesday", "opens_at": "09:00:00", "closes_at": "13:00:00"},
        ],
    }


def services(count, da_every, area):
    out = []
    for i in range(count):
        if i % da_every == da_every - 1:
            name, term, desc = DOMESTIC_ABUSE[(i // da_every) % len(DOMESTIC_ABUSE)]
            name = f"{name} {i}"
        else:
            name, term, desc = GENERAL[i % len(GENERAL)]
            name = f"{name} {i}"
        out.append(outpost_service(i, name, term, desc, area))
    return out


def write(name, value, bom=False):
    text = json.dumps(value, indent=1, ensure_ascii=False) + "\n"
    (OUT / name).write_text(("\ufeff" if bom else "") + text, encoding="utf-8")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    outpost = services(50, 10, "Bristol")
    for number in (0, 1):
        page = outpost[number * 25:(number + 1) * 25]
        write(f"outpost-page-{number}.json", {
            "totalElements": 50, "totalPages": 2, "number": number, "size": 25,
            "first": number == 0, "last": number == 1, "content": page,
        }, bom=number == 0)
    openplace = services(200, 25, "Bristol City Council")
    for s in openplace:
        s["id"] = f"op-{s['id']}"
    write("openplace-list.json", openplace)
    # ORUK 3.0: a page of summaries and one full record.
    full = {
        "id": "23dfa756-1f52-4b0c-9d7e-0a1b2c3d4e5f",
        "name": "Example Bristol Domestic Abuse Helpline",
        "description": "<p>Free, confidential advice by phone.</p><p>Open to anyone in Bristol.</p>",
        "url": "https://example-helpline.org.uk",
        "status": "active",
        "assured_date": "2026-10-20",
        "last_modified": "2026-10-21T08:00:00Z",
        "minimum_age": 16,
        "maximum_age": -1,
        "organization": {"id": "org-h", "name": "Example Helpline Trust"},
        "attributes": [{"id": "at-1", "taxonomy_term": {"id": "tt-da", "name": "Domestic abuse", "taxonomy": "Bristol services"}}],
        "service_areas": [{"id": "sa-h", "name": "Bristol"}],
        "contacts": [{"id": "c-h", "name": "Helpline", "phones": [{"id": "p-h", "number": "Bristol Youth MAPS: 0117 496 0999", "description": "Monday to Friday 9am to 5pm"}]}],
        "schedules": [{"id": "sc-h", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00"}],
    }
    write("oruk3-record.json", full)
    summaries = [{k: full[k] for k in ("id", "name", "description", "status")}] + [
        {"id": f"s3-{i}", "name": f"{GENERAL[i][0]} {i}", "description": GENERAL[i][2], "status": "active"}
        for i in range(4)
    ]
    write("oruk3-page.json", {
        "total_items": 5, "total_pages": 1, "page_number": 1, "size": 5,
        "first_page": True, "last_page": True, "empty": False, "contents": summaries,
    })


if __name__ == "__main__":
    main()
