"""A realistic, clearly fictional township for demos, screenshots and load tests.

``generate_township(seed)`` is deterministic: every part draws from its own ``random.Random`` seeded by
(seed, part), so asking for more cases leaves the map and the residents unchanged.
The county code 330499 does not exist, and the center's name says the data is for demonstration.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from govdesk.demo import geography, names
from govdesk.demo.names import TOWN, Scenario, anonymise, person_name
from govdesk.domain.identity import resident_id_check_char, uscc_check_char

REGION = "330499"
CENTER_CODE = REGION + "101"
UTC_OFFSET = dt.timedelta(hours=8)
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_MOBILE_PREFIXES = tuple(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 177 180 181 182 183 "
    "185 186 187 188 189 198 199".split()
)
_CN_ORDINALS = "一二三四"


@dataclass(frozen=True)
class DemoVillage:
    code: str
    name: str
    is_community: bool
    boundary: dict[str, Any]  # GeoJSON Polygon geometry


@dataclass(frozen=True)
class DemoGrid:
    code: str
    name: str
    village_code: str
    officer_name: str
    officer_phone: str
    boundary: dict[str, Any]


@dataclass(frozen=True)
class DemoResident:
    name: str
    gender: str
    ethnicity: str
    id_number: str
    birth_date: dt.date
    phone: str | None
    address: str
    village_code: str
    grid_code: str


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    credit_code: str
    representative: str
    address: str
    phone: str
    village_code: str


@dataclass(frozen=True)
class DemoParty:
    role: str  # "applicant" | "respondent" | "third_party"
    resident_index: int | None
    organisation_index: int | None


@dataclass(frozen=True)
class DemoCase:
    title: str
    kind: str
    category: str | None
    channel: str
    status: str
    risk: str
    risk_reason: str
    facts: str
    claims: str
    occurred_at: dt.date
    registered_at: dt.datetime  # UTC, naive
    address: str
    latitude: float
    longitude: float
    village_code: str
    grid_code: str
    people_involved: int
    amount_cents: int | None
    parties: tuple[DemoParty, ...]


@dataclass(frozen=True)
class DemoTownship:
    center_name: str
    center_code: str
    committee_name: str
    villages: tuple[DemoVillage, ...]
    grids: tuple[DemoGrid, ...]
    residents: tuple[DemoResident, ...]
    organisations: tuple[DemoOrganisation, ...]
    staff: tuple[tuple[str, str], ...]  # (name, role): director/mediator/clerk/grid_officer/auditor/admin
    cases: tuple[DemoCase, ...]


@dataclass(frozen=True)
class _Place:
    """What the generator knows about a grid beyond its public record."""

    grid: DemoGrid
    village: DemoVillage
    groups: tuple[int, ...]  # 村民小组 numbers, for a village
    estate: str  # the housing estate, for a community


def generate_township(
    seed: int = 2026, n_cases: int = 5000, n_residents: int = 30000, today: dt.date | None = None
) -> DemoTownship:
    if n_cases < 0 or n_residents < 0:
        raise ValueError("n_cases and n_residents must not be negative")
    if n_cases and n_residents < 10:
        raise ValueError("cases need residents to be their parties: ask for at least 10 residents")
    today = today or dt.date.today()
    phones: set[str] = set()
    places, staff = _map_and_staff(seed, phones)
    people = _Population(random.Random(f"{seed}:residents"), places, phones).fill(n_residents)
    organisations, by_sector = _organisations(random.Random(f"{seed}:organisations"), places, people, phones)
    writer = _CaseWriter(random.Random(f"{seed}:cases"), places, people, organisations, by_sector)
    cases = writer.write(n_cases, today)
    villages = sorted({p.village.code: p.village for p in places}.values(), key=lambda v: v.code)
    return DemoTownship(
        center_name=f"{TOWN}综合治理中心（演示数据）", center_code=CENTER_CODE,
        committee_name=f"{TOWN}人民调解委员会", villages=tuple(villages),
        grids=tuple(p.grid for p in places), residents=tuple(people.residents),
        organisations=tuple(organisations), staff=staff, cases=tuple(cases),
    )  # fmt: skip


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        phone = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in used:
            used.add(phone)
            return phone


def _map_and_staff(seed: int, phones: set[str]) -> tuple[list[_Place], tuple[tuple[str, str], ...]]:
    rng = random.Random(f"{seed}:map")
    layout = names.VILLAGE_LAYOUT
    shapes = geography.lay_out_villages(rng, [[count for _, _, count in row] for row in layout])
    taken: set[str] = set()

    def new_name() -> str:
        while True:
            sex = rng.choice("男女")
            name = person_name(rng, sex, rng.randint(1966, 1998))
            if name not in taken:
                taken.add(name)
                return name

    # Statistical village codes number residents' committees from 001 and villagers' committees from 201.
    next_seq = {True: 1, False: 201}
    estates = iter(names.ESTATES)
    places: list[_Place] = []
    officers: list[tuple[str, str]] = []
    for (name, is_community, _), shape in zip(itertools.chain(*layout), shapes, strict=True):
        code = f"{CENTER_CODE}{next_seq[is_community]:03d}"
        next_seq[is_community] += 1
        village = DemoVillage(code=code, name=name, is_community=is_community, boundary=shape.boundary)
        for k, boundary in enumerate(shape.grids):
            officer = new_name()
            grid = DemoGrid(
                code=f"{code}{k + 1:02d}", name=f"{name}第{_CN_ORDINALS[k]}网格", village_code=code,
                officer_name=officer, officer_phone=_mobile(rng, phones), boundary=boundary,
            )  # fmt: skip
            officers.append((officer, "grid_officer"))
            groups = tuple(range(3 * k + 1, 3 * k + 4))
            places.append(_Place(grid, village, groups, next(estates) if is_community else ""))
    roles = ["director"] + ["mediator"] * 4 + ["clerk"] * 2 + ["auditor", "admin"]
    staff = tuple((new_name(), role) for role in roles) + tuple(sorted(officers, key=lambda o: o[0]))
    places.sort(key=lambda p: p.grid.code)
    return places, staff


def _spot(rng: random.Random, place: _Place) -> str:
    if place.village.is_community:
        return f"{place.estate}{rng.randint(1, 24)}幢"
    return f"{rng.choice(place.groups)}组"


class _Population:
    """Residents in households: a couple shares an address, children carry the father's surname."""

    def __init__(self, rng: random.Random, places: list[_Place], phones: set[str]) -> None:
        self.rng, self.places, self.phones = rng, places, phones
        self.residents: list[DemoResident] = []
        self.grid_of: list[int] = []
        self.by_grid: list[list[int]] = [[] for _ in places]
        self.spouses: list[tuple[int, int]] = []
        self.kin: list[tuple[int, int]] = []  # (parent, child)
        self._ids: set[str] = set()
        self._addresses: set[str] = set()
        self._grid_cum = list(itertools.accumulate(1.6 if p.village.is_community else 1.0 for p in places))

    def fill(self, n: int) -> _Population:
        specials = list(names.SPECIAL_RESIDENTS)
        thresholds = [k * n // (len(specials) + 1) for k in range(1, len(specials) + 1)]
        while len(self.residents) < n:
            if specials and len(self.residents) >= thresholds[0]:
                name, sex, ethnicity, year = specials.pop(0)
                thresholds.pop(0)
                grid = self._draw_grid()
                self._add(name, sex, ethnicity, year, grid, self._address(grid))
            else:
                self._household(n - len(self.residents))
        return self

    def _draw_grid(self) -> int:
        return self.rng.choices(range(len(self.places)), cum_weights=self._grid_cum)[0]

    def _household(self, room: int) -> None:
        rng = self.rng
        grid = self._draw_grid()
        address = self._address(grid)
        ethnicity = rng.choice(names.MINORITIES_WITH_HAN_NAMES) if rng.random() < 0.005 else "汉族"
        head_year = int(rng.triangular(1940, 1997, 1968))
        head_sex = "男" if rng.random() < 0.82 else "女"
        surname = names.draw_surname(rng)
        members = [(person_name(rng, head_sex, head_year, surname), head_sex, head_year, "head")]
        father_surname = surname
        if head_year <= 1996 and rng.random() < 0.8:
            sex = "女" if head_sex == "男" else "男"
            shift = rng.randint(-2, 6) if head_sex == "男" else rng.randint(-6, 2)
            spouse_surname = names.draw_surname(rng)
            father_surname = surname if head_sex == "男" else spouse_surname
            year = max(1940, min(2000, head_year + shift))
            members.append((person_name(rng, sex, year, spouse_surname), sex, year, "spouse"))
        for _ in range(rng.choices((0, 1, 2, 3), (14, 42, 34, 10))[0]):
            year = head_year + rng.randint(22, 34)
            if year <= 2008:
                sex = rng.choice("男女")
                members.append((person_name(rng, sex, year, father_surname), sex, year, "child"))
        if head_year >= 1962 and rng.random() < 0.2 and head_year - 27 >= 1940:
            year = max(1940, head_year - rng.randint(22, 32))
            sex = rng.choice("男女")
            elder_surname = surname if sex == "男" else names.draw_surname(rng)
            members.append((person_name(rng, sex, year, elder_surname), sex, year, "elder"))
        index: dict[str, list[int]] = {role: [] for role in ("head", "spouse", "child", "elder")}
        for name, sex, year, role in members[:room]:
            index[role].append(self._add(name, sex, ethnicity, year, grid, address))
        if index["head"] and index["spouse"]:
            self.spouses.append((index["head"][0], index["spouse"][0]))
        for parent in index["head"] + index["spouse"]:
            self.kin.extend((parent, child) for child in index["child"])
        for elder in index["elder"]:
            self.kin.extend((elder, head) for head in index["head"])

    def _address(self, grid: int) -> str:
        rng, place = self.rng, self.places[grid]
        for _ in range(50):
            if place.village.is_community:
                building = f"{rng.randint(1, 24)}幢{rng.randint(1, 3)}单元"
                address = f"{TOWN}{place.village.name}{place.estate}{building}{rng.randint(1, 6)}0{rng.randint(1, 2)}室"
            else:
                address = f"{TOWN}{place.village.name}{rng.choice(place.groups)}组{rng.randint(1, 160)}号"
            if address not in self._addresses:
                break
        self._addresses.add(address)
        return address

    def _add(self, name: str, sex: str, ethnicity: str, year: int, grid: int, address: str) -> int:
        rng = self.rng
        days_in_year = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
        birth = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(days_in_year))
        while True:
            seq = rng.randrange(1, 1000)
            if (seq % 2 == 1) != (sex == "男"):  # GB 11643: an odd sequence number is a man
                seq = seq - 1 if seq % 2 == 0 else (seq + 1 if seq < 999 else 998)
            first17 = f"{REGION}{birth:%Y%m%d}{seq:03d}"
            number = first17 + resident_id_check_char(first17)
            if number not in self._ids:
                self._ids.add(number)
                break
        has_phone = rng.random() < (0.5 if year <= 1950 else 0.6 if year >= 2006 else 0.83)
        place = self.places[grid]
        resident = DemoResident(
            name=name, gender=sex, ethnicity=ethnicity, id_number=number, birth_date=birth,
            phone=_mobile(rng, self.phones) if has_phone else None, address=address,
            village_code=place.village.code, grid_code=place.grid.code,
        )  # fmt: skip
        self.residents.append(resident)
        self.grid_of.append(grid)
        self.by_grid[grid].append(len(self.residents) - 1)
        return len(self.residents) - 1


_SECTORS = (("factory", 44, "91"), ("company", 38, "91"), ("shop", 52, "92"), ("property", 8, "91"),
            ("clinic", 7, "92"))  # fmt: skip


def _org_code_check(body: str) -> str:
    """GB 11714 check character of the 8-character organisation code inside a credit code."""
    total = sum(int(c, 36) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def _organisations(
    rng: random.Random, places: list[_Place], people: _Population, phones: set[str]
) -> tuple[list[DemoOrganisation], dict[str, list[int]]]:
    villages = {p.village.code: p for p in places}  # one place per village is enough for an address
    rural = sorted(code for code, p in villages.items() if not p.village.is_community)
    urban = sorted(code for code, p in villages.items() if p.village.is_community)
    orgs: list[DemoOrganisation] = []
    by_sector: dict[str, list[int]] = {}
    taken_names: set[str] = set()
    taken_codes: set[str] = set()

    def credit_code(prefix: str) -> str:
        while True:
            body = "".join(rng.choice(_USCC_ALPHABET[:10]) for _ in range(8))
            if rng.random() < 0.4:  # codes issued since 2015 often start with MA
                body = "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(6))
            first17 = f"{prefix}{REGION}{body}{_org_code_check(body)}"
            code = first17 + uscc_check_char(first17)
            if code not in taken_codes:
                taken_codes.add(code)
                return code

    def landline() -> str:
        while True:
            phone = f"0573-8{rng.randrange(10**7):07d}"
            if phone not in phones:
                phones.add(phone)
                return phone

    adults: dict[str, list[int]] = {code: [] for code in villages}
    for i, resident in enumerate(people.residents):
        if resident.birth_date.year <= 1995:
            adults[resident.village_code].append(i)

    def representative(village_code: str) -> str:
        if adults[village_code]:
            return people.residents[rng.choice(adults[village_code])].name
        return person_name(rng, rng.choice("男女"), rng.randint(1960, 1990))

    plan = [(sector, prefix) for sector, count, prefix in _SECTORS for _ in range(count)]
    plan.append(("health_centre", "12"))  # a public institution: registered by the staffing office
    for sector, prefix in plan:
        if sector in ("factory", "company"):
            village = rng.choice(rural)
        elif sector == "shop":
            village = rng.choice(urban if rng.random() < 0.6 else rural)
        else:
            village = rng.choice(urban)
        place = villages[village]
        if sector == "health_centre":
            name = f"{TOWN}卫生院"
        else:
            while True:
                pattern = rng.choice(names.ORGANISATION_PATTERNS[sector])
                name = pattern.format(brand=rng.choice(names.BRANDS), town=TOWN)
                if name not in taken_names:
                    break
        taken_names.add(name)
        if sector in ("factory", "company"):
            road = rng.choice(names.INDUSTRIAL_ROADS)
            address = f"{TOWN}{place.village.name}工业功能区{road}{rng.randint(1, 88)}号"
        elif sector == "property":
            address = f"{TOWN}{place.village.name}{place.estate}物业服务中心"
        else:
            address = f"{TOWN}{rng.choice(names.STREETS)}{rng.randint(1, 260)}号"
        mobile = sector in ("shop", "clinic") and rng.random() < 0.6
        by_sector.setdefault("clinic" if sector == "health_centre" else sector, []).append(len(orgs))
        org = DemoOrganisation(
            name=name, credit_code=credit_code(prefix), representative=representative(village),
            address=address, phone=_mobile(rng, phones) if mobile else landline(), village_code=village,
        )  # fmt: skip
        orgs.append(org)
    return orgs, by_sector


_KINDS = (
    ("dispute", 55), ("grid_event", 12), ("complaint", 10), ("help", 8), ("consultation", 8), ("suggestion", 7),
)  # fmt: skip
_CATEGORIES = (
    ("邻里", 22), ("婚姻家庭", 18), ("房屋宅基地", 14), ("合同", 6), ("生产经营", 4), ("损害赔偿", 7),
    ("山林土地", 4), ("征地拆迁", 3), ("环境污染", 3), ("劳动争议", 4), ("消费", 2), ("医疗", 1),
    ("道路交通事故", 5), ("物业", 3), ("其他", 4),
)  # fmt: skip
_CHANNELS: dict[str, tuple[tuple[str, float], ...]] = {
    "dispute": (("walk_in", 45), ("initiative", 15), ("grid_officer", 15), ("hotline_12345", 8), ("referral", 12),
                ("online", 5)),
    "complaint": (("hotline_12345", 45), ("walk_in", 20), ("online", 25), ("referral", 10)),
    "suggestion": (("online", 40), ("walk_in", 30), ("hotline_12345", 20), ("grid_officer", 10)),
    "help": (("walk_in", 40), ("hotline_12345", 30), ("grid_officer", 20), ("online", 10)),
    "consultation": (("walk_in", 60), ("hotline_12345", 20), ("online", 20)),
    "grid_event": (("grid_officer", 80), ("online", 15), ("hotline_12345", 5)),
}  # fmt: skip
_ALL_CHANNELS = ("walk_in", "initiative", "grid_officer", "hotline_12345", "referral", "online")
_OFFICE_CHANNELS = {"walk_in", "initiative", "grid_officer", "referral"}  # working hours, few at weekends
_AMOUNT_YUAN = {
    "婚姻家庭": (20_000, 600_000), "房屋宅基地": (5_000, 300_000), "合同": (5_000, 500_000),
    "生产经营": (10_000, 400_000), "损害赔偿": (1_500, 120_000), "征地拆迁": (30_000, 900_000),
    "劳动争议": (3_000, 90_000), "消费": (300, 30_000), "医疗": (3_000, 200_000),
    "道路交通事故": (2_000, 150_000), "物业": (500, 20_000),
}  # fmt: skip
_AT_HOME = {"婚姻家庭", "邻里", "房屋宅基地", "物业"}  # the applicant's home is where it happens
# (age in days up to which the row applies, status weights): young matters are open, old ones closed.
_DISPUTE_STATUS = (
    (7, (("registered", 40), ("accepted", 30), ("mediating", 24), ("refused", 2), ("withdrawn", 4))),
    (30, (("accepted", 8), ("mediating", 40), ("agreed", 25), ("failed", 7), ("closed", 12), ("refused", 3),
          ("withdrawn", 5))),
    (120, (("mediating", 4), ("agreed", 12), ("failed", 4), ("closed", 55), ("archived", 15), ("refused", 4),
           ("withdrawn", 6))),
    (10**6, (("agreed", 1), ("failed", 1), ("closed", 30), ("archived", 58), ("refused", 4), ("withdrawn", 6))),
)  # fmt: skip
_OTHER_STATUS = (
    (3, (("registered", 50), ("referred", 35), ("handled", 10), ("withdrawn", 5))),
    (15, (("registered", 5), ("referred", 25), ("handled", 30), ("fed_back", 25), ("closed", 12), ("withdrawn", 3))),
    (60, (("referred", 3), ("handled", 5), ("fed_back", 15), ("closed", 74), ("withdrawn", 3))),
    (10**6, (("fed_back", 2), ("closed", 95), ("withdrawn", 3))),
)  # fmt: skip
_ROLE_KEYS = {"applicant": "a", "respondent": "b", "third_party": "c"}
_Spec = tuple[str, str | None, str, bool]  # kind, category, channel, forced (kept for coverage)
_Parties = list[DemoParty]


def _pick(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    return rng.choices([key for key, _ in table], [weight for _, weight in table])[0]


def _yuan_text(yuan: int) -> str:
    if yuan < 10_000:
        return f"{yuan}元"
    return f"{yuan / 10_000:.2f}".rstrip("0").rstrip(".") + "万元"


class _CaseWriter:
    def __init__(
        self, rng: random.Random, places: list[_Place], people: _Population,
        organisations: list[DemoOrganisation], by_sector: dict[str, list[int]],
    ) -> None:  # fmt: skip
        self.rng, self.places, self.people = rng, places, people
        self.organisations, self.by_sector = organisations, by_sector
        # Grids drawn in proportion to their population, among all grids or those of one setting.
        self.grid_draw: dict[str, tuple[list[int], list[int]]] = {}
        for setting, wanted in (("", (True, False)), ("urban", (True,)), ("rural", (False,))):
            grids = [g for g, p in enumerate(places) if p.village.is_community in wanted]
            cum = list(itertools.accumulate(len(people.by_grid[g]) + 1 for g in grids))
            self.grid_draw[setting] = (grids, cum)
        self.grids_of_village: dict[str, list[int]] = {}
        for g, place in enumerate(places):
            self.grids_of_village.setdefault(place.village.code, []).append(g)
        self.history: list[tuple[int, int, str, int, int]] = []  # a, b, category, scenario, grid

    def write(self, n: int, today: dt.date) -> list[DemoCase]:
        rng = self.rng
        days = [today - dt.timedelta(days=d) for d in range(3 * 365, 0, -1)]
        # More matters as the center gets used, a bump around the Spring Festival, a quiet window at weekends.
        weights = [(0.6 + 0.8 * k / len(days)) * (1.3 if d.month < 3 else 1) for k, d in enumerate(days)]
        any_cum = list(itertools.accumulate(weights))
        at_office = [w * (0.3 if d.weekday() >= 5 else 1) for w, d in zip(weights, days, strict=True)]
        office_cum = list(itertools.accumulate(at_office))
        specs = self._specs(n)
        timed = []
        for i, (_, _, channel, _) in enumerate(specs):
            office = channel in _OFFICE_CHANNELS
            day = rng.choices(days, cum_weights=office_cum if office else any_cum)[0]
            minute = rng.randrange(510, 1050) if office else rng.randrange(420, 1350)
            local = dt.datetime.combine(day, dt.time(minute // 60, minute % 60, rng.randrange(60)))
            timed.append((local - UTC_OFFSET, i))
        timed.sort()
        return [self._case(specs[i], registered, today) for registered, i in timed]

    def _specs(self, n: int) -> list[_Spec]:
        """Sampled kinds, categories and channels, led by one of each so that a small demo shows them all."""
        rng = self.rng
        channels = itertools.cycle(_ALL_CHANNELS)
        specs: list[_Spec] = [("dispute", category, next(channels), True) for category in names.DISPUTES]
        specs += [(kind, None, _pick(rng, _CHANNELS[kind]), True) for kind, _ in _KINDS[1:]]
        del specs[n:]
        while len(specs) < n:
            kind = _pick(rng, _KINDS)
            category = _pick(rng, _CATEGORIES) if kind == "dispute" else None
            specs.append((kind, category, _pick(rng, _CHANNELS[kind]), False))
        return specs

    def _grid(self, setting: str) -> int:
        grids, cum = self.grid_draw[setting]
        return self.rng.choices(grids, cum_weights=cum)[0]

    def _adult(self, grid: int, year: int, exclude: Sequence[int] = ()) -> int:
        rng, residents = self.rng, self.people.residents
        pool = self.people.by_grid[grid] or range(len(residents))
        for _ in range(40):
            i = rng.choice(pool)
            if residents[i].birth_date.year <= year - 18 and i not in exclude:
                return i
        start = rng.randrange(len(residents))
        for i in itertools.chain(range(start, len(residents)), range(start)):
            if residents[i].birth_date.year <= year - 18 and i not in exclude:
                return i
        raise ValueError("not enough adult residents to be parties")

    def _dispute(self, category: str, year: int, forced: bool) -> tuple[str, Scenario, int, _Parties, bool]:
        rng, people = self.rng, self.people
        if not forced and self.history and rng.random() < 0.03:
            a, b, category, index, grid = rng.choice(self.history)
            scenario = names.DISPUTES[category][index]
            parties = [DemoParty("applicant", a, None), DemoParty("respondent", b, None)]
            return category, scenario, grid, self._third_party(scenario, parties, grid, year), True
        scenarios = names.DISPUTES[category]
        index = rng.choices(range(len(scenarios)), [s.weight for s in scenarios])[0]
        scenario = scenarios[index]
        pair: tuple[int, int] | None = None
        if scenario.pair == "spouses" and people.spouses:
            pair = rng.choice(people.spouses)
            pair = pair if rng.random() < 0.5 else (pair[1], pair[0])
        elif scenario.pair == "kin" and people.kin:
            for _ in range(30):
                parent, child = rng.choice(people.kin)
                if people.residents[child].birth_date.year <= year - 18:
                    pair = (parent, child)
                    break
        if scenario.pair == "organisation":
            org = rng.choice(self.by_sector[scenario.sector])
            grid = rng.choice(self.grids_of_village[self.organisations[org].village_code])
            a = self._adult(grid, year)
            parties = [DemoParty("applicant", a, None), DemoParty("respondent", None, org)]
            return category, scenario, grid, self._third_party(scenario, parties, grid, year), False
        if pair is None:
            grid = self._grid(scenario.setting)
            a = self._adult(grid, year)
            pair = (a, self._adult(grid, year, (a,)))
        grid = people.grid_of[pair[0]]
        self.history.append((pair[0], pair[1], category, index, grid))
        parties = [DemoParty("applicant", pair[0], None), DemoParty("respondent", pair[1], None)]
        return category, scenario, grid, self._third_party(scenario, parties, grid, year), False

    def _third_party(self, scenario: Scenario, parties: _Parties, grid: int, year: int) -> _Parties:
        mentioned = "{c}" in scenario.facts + scenario.claims + scenario.title
        if mentioned or (scenario.pair != "organisation" and self.rng.random() < 0.08):
            taken = [p.resident_index for p in parties if p.resident_index is not None]
            parties.append(DemoParty("third_party", self._adult(grid, year, taken), None))
        return parties

    def _name(self, party: DemoParty) -> str:
        if party.resident_index is not None:
            return anonymise(self.people.residents[party.resident_index].name)
        assert party.organisation_index is not None
        return self.organisations[party.organisation_index].name

    def _case(self, spec: _Spec, registered: dt.datetime, today: dt.date) -> DemoCase:
        rng = self.rng
        kind, category, channel, forced = spec
        day = (registered + UTC_OFFSET).date()
        repeat = False
        if kind == "dispute":
            assert category is not None
            category, scenario, grid, parties, repeat = self._dispute(category, day.year, forced)
        else:
            scenario = rng.choice(names.OTHER_MATTERS[kind])
            grid = self._grid(scenario.setting)
            patrol = kind == "grid_event" and channel == "grid_officer"
            parties = [] if patrol else [DemoParty("applicant", self._adult(grid, day.year), None)]
        place = self.places[grid]
        spot = _spot(rng, place)
        values = {"a": "", "b": "", "c": "", "village": place.village.name, "spot": spot,
                  "officer": place.grid.officer_name, "department": rng.choice(names.REFERRING_DEPARTMENTS),
                  "months": str(rng.randint(2, 10)), "years": str(rng.randint(1, 5))}  # fmt: skip
        values.update({_ROLE_KEYS[p.role]: self._name(p) for p in parties})
        text = scenario.title + scenario.facts + scenario.claims
        group = "{n}" in text
        if group:
            people_involved = rng.randint(10, 60)
        elif kind == "dispute":
            people_involved = max(len(parties), int(_pick(rng, (("2", 60), ("3", 20), ("4", 12), ("5", 8)))))
        else:
            people_involved = int(_pick(rng, (("1", 80), ("2", 12), ("3", 8)))) if kind == "complaint" else 1
        values["n"] = str(people_involved)
        amount_cents = None
        if "{amount}" in text:
            assert category is not None
            low, high = _AMOUNT_YUAN[category]
            yuan = rng.uniform(low**0.5, high**0.5) ** 2 * (people_involved / 4 if group else 1)
            whole = int(round(yuan, -1 if yuan < 10_000 else -2))
            amount_cents = whole * 100
            values["amount"] = _yuan_text(whole)
        if not parties:
            opening = names.PATROL_OPENING
        else:
            opening = (names.OPENINGS if kind == "dispute" else names.OTHER_OPENINGS)[channel]
        facts = opening.format(**values) + scenario.facts.format(**values)
        if repeat:
            facts += names.REPEAT_FOLLOW_UP
        elif rng.random() < 0.5:
            follow_ups: tuple[str, ...] = names.OTHER_FOLLOW_UPS
            if kind == "dispute":
                follow_ups = names.DISPUTE_FOLLOW_UPS
            elif not parties:
                follow_ups = names.PATROL_FOLLOW_UPS
            elif channel == "online":
                follow_ups += (names.ONLINE_FOLLOW_UP,)
            facts += rng.choice(follow_ups).format(**values)
        risk, reason = self._risk(kind, group, repeat, scenario)
        table = _DISPUTE_STATUS if kind == "dispute" else _OTHER_STATUS
        age = (today - day).days
        status = _pick(rng, next(row for limit, row in table if age <= limit))
        lag = min(30, int(rng.expovariate(1 / (5 if kind == "dispute" else 1.5))))
        first = parties[0].resident_index if parties else None
        at_home = kind == "dispute" and category in _AT_HOME and first is not None
        if first is not None and at_home and self.people.grid_of[first] == grid:
            address = self.people.residents[first].address
        else:
            nearby = ("", "附近", "小区门口" if place.village.is_community else "村道旁")
            address = f"{TOWN}{place.village.name}{spot}{rng.choice(nearby)}"
        longitude, latitude = geography.random_point_in(place.grid.boundary, rng)
        return DemoCase(
            title=scenario.title.format(**values), kind=kind, category=category, channel=channel, status=status,
            risk=risk, risk_reason=reason, facts=facts, claims=scenario.claims.format(**values),
            occurred_at=day - dt.timedelta(days=lag), registered_at=registered, address=address,
            latitude=latitude, longitude=longitude, village_code=place.village.code, grid_code=place.grid.code,
            people_involved=people_involved, amount_cents=amount_cents, parties=tuple(parties),
        )  # fmt: skip

    def _risk(self, kind: str, group: bool, repeat: bool, scenario: Scenario) -> tuple[str, str]:
        rng = self.rng
        draw = rng.random()
        if group:
            red, yellow = 0.35, 0.8
        elif kind == "dispute":
            red, yellow = 0.04, 0.17
        elif kind == "suggestion":
            red = yellow = 0.0
        else:
            red = 0.0 if kind == "consultation" else 0.02
            yellow = red + (0.4 if scenario.risk_hint else 0.05)
        if draw < red:
            if kind != "dispute":
                return "red", rng.choice(names.MATTER_RED_REASONS)
            return "red", names.RED_REASONS[0] if group else rng.choice(names.RED_REASONS[1:])
        if draw < yellow:
            if repeat:
                return "yellow", "纠纷反复发生，需持续跟踪"
            reasons = names.YELLOW_REASONS if kind == "dispute" else names.MATTER_YELLOW_REASONS
            return "yellow", scenario.risk_hint or rng.choice(reasons)
        return "green", ""
