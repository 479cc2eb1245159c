"""Words of the fictional township: people's names, place names and the wording of registered matters.

Placeholders in the matter templates: {a} applicant or reporter, {b} respondent, {c} third party,
{village} village/community, {spot} a group (组) or building in it, {amount} money, {n} people involved,
{months}, {years}. Dispute and matter texts follow a channel's opening words, so "其" is the applicant.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

# Approximate shares (per 10,000) of the most common surnames; the long tail is left out on purpose.
_SURNAME_WEIGHTS = (
    ("王", 712), ("李", 700), ("张", 670), ("刘", 540), ("陈", 460), ("杨", 310), ("黄", 240), ("赵", 230),
    ("吴", 200), ("周", 200), ("徐", 170), ("孙", 150), ("马", 140), ("朱", 130), ("胡", 130), ("郭", 120),
    ("何", 120), ("林", 110), ("罗", 110), ("高", 110), ("郑", 90), ("梁", 90), ("谢", 80), ("宋", 80),
    ("唐", 80), ("许", 70), ("韩", 70), ("冯", 70), ("邓", 70), ("曹", 60), ("彭", 60), ("曾", 60),
    ("肖", 60), ("田", 50), ("董", 50), ("袁", 50), ("潘", 50), ("于", 50), ("蒋", 50), ("蔡", 50),
    ("余", 50), ("杜", 40), ("叶", 40), ("程", 40), ("苏", 40), ("魏", 40), ("吕", 40), ("丁", 40),
    ("任", 40), ("沈", 45), ("姚", 40), ("卢", 40), ("姜", 30), ("崔", 30), ("钟", 30), ("谭", 30),
    ("陆", 35), ("汪", 30), ("范", 30), ("金", 30), ("石", 30), ("廖", 30), ("贾", 30), ("夏", 30),
    ("韦", 30), ("付", 30), ("方", 30), ("白", 30), ("邹", 30), ("孟", 30), ("熊", 30), ("秦", 30),
    ("邱", 30), ("江", 30), ("尹", 20), ("薛", 20), ("闫", 20), ("段", 20), ("雷", 20), ("侯", 20),
    ("龙", 20), ("史", 20), ("陶", 20), ("黎", 20), ("贺", 20), ("顾", 25), ("毛", 20), ("郝", 20),
    ("龚", 20), ("邵", 20), ("万", 20), ("钱", 25), ("严", 20), ("武", 20), ("戴", 20), ("莫", 10),
    ("孔", 10), ("向", 10), ("汤", 10), ("褚", 5), ("屠", 5), ("欧阳", 2), ("司马", 1), ("诸葛", 1),
    ("上官", 1),
)  # fmt: skip
SURNAMES = tuple(s for s, _ in _SURNAME_WEIGHTS)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "慕容", "东方", "皇甫", "令狐")
_SURNAME_CUM = tuple(itertools.accumulate(w for _, w in _SURNAME_WEIGHTS))

# Whole given names typical of three generations, by sex.
_GIVEN_BY_ERA = {
    ("男", 0): "建国 建华 国强 国庆 志强 德明 福根 金荣 卫东 文华 永康 保国 长林 根宝 水根 金根 林根 伟民 阿毛 荣生",
    ("女", 0): "秀英 桂英 玉兰 凤英 金凤 秀珍 美华 桂芳 月娥 彩娟 雪琴 菊芳 梅芳 宝娣 阿珍 杏花 爱华 素芬 根娣 金妹",
    ("男", 1): "伟 强 军 勇 斌 伟明 建军 海峰 晓东 志刚 国华 卫平 杰 明 红兵 剑锋 俊 晓峰 建平 堃",
    ("女", 1): "丽 芳 燕 红 霞 丽娟 秀梅 海燕 晓红 美玲 丽萍 春燕 静 敏 琴 雪芬 红英 小燕 卫红 玲",
    ("男", 2): "浩 宇 涛 浩然 子轩 宇航 俊杰 家豪 一鸣 博文 天宇 晨阳 梓豪 睿 喆 嘉诚 泽宇 逸飞 皓轩 子豪",
    ("女", 2): "婷 雪 颖 欣怡 梓涵 诗琪 雨欣 佳怡 思雨 可欣 婉婷 晓雯 梦瑶 琳 萱 雨桐 一诺 佳琪 思涵 语桐",
}  # fmt: skip
GIVEN_NAMES = {key: tuple(names.split()) for key, names in _GIVEN_BY_ERA.items()}
# Characters combined freely into two-character given names.
GIVEN_CHARS = {
    "男": ("伟", "建", "志", "国", "文", "明", "海", "永", "德", "俊", "家", "宏", "振", "嘉", "晓", "华",
           "军", "林", "峰", "斌", "杰", "涛", "磊", "超", "刚", "平", "东", "辉", "鹏", "飞", "宇", "龙"),
    "女": ("秀", "丽", "美", "雪", "晓", "佳", "春", "红", "玉", "静", "婷", "燕", "芳", "琳", "慧", "敏",
           "娟", "霞", "萍", "兰", "英", "梅", "琴", "云", "莉", "颖", "洁", "蓉", "倩", "雯", "怡", "菲"),
}  # fmt: skip

# Residents who make the demo exercise what real registers contain: minority names with the middle dot,
# compound surnames and characters outside the Basic Multilingual Plane or GB 2312.
# (name, sex, ethnicity, birth year)
SPECIAL_RESIDENTS = (
    ("买买提·艾力", "男", "维吾尔族", 1986), ("阿依古丽·吐尔逊", "女", "维吾尔族", 1992),
    ("扎西顿珠", "男", "藏族", 1990), ("巴特尔", "男", "蒙古族", 1979), ("刘䶮", "男", "汉族", 1985),
    ("陈𠮷", "男", "汉族", 1974), ("欧阳晓燕", "女", "汉族", 1981), ("司马振华", "男", "汉族", 1963),
    ("诸葛明", "男", "汉族", 1977), ("上官婉清", "女", "汉族", 1995), ("蓝春花", "女", "畲族", 1958),
    ("雷小军", "男", "畲族", 1983), ("马国强", "男", "回族", 1971), ("金顺姬", "女", "朝鲜族", 1988),
    ("韦秀梅", "女", "壮族", 1990), ("龙德贵", "男", "苗族", 1984),
)  # fmt: skip
# Groups whose members mostly use Han-style names, for the odd minority resident among the rest.
MINORITIES_WITH_HAN_NAMES = ("回族", "畲族", "苗族", "土家族", "壮族", "布依族", "满族", "彝族")


def draw_surname(rng: random.Random) -> str:
    return rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]


def draw_given_name(rng: random.Random, sex: str, birth_year: int) -> str:
    era = 0 if birth_year <= 1965 else 1 if birth_year <= 1985 else 2
    if rng.random() < 0.55:
        return rng.choice(GIVEN_NAMES[sex, era])
    chars = GIVEN_CHARS[sex]
    first = rng.choice(chars)
    if rng.random() < 0.2:
        return first
    second = rng.choice(chars)
    return first + second if second != first else first + rng.choice(chars[:8])


def person_name(rng: random.Random, sex: str, birth_year: int, surname: str | None = None) -> str:
    return (surname or draw_surname(rng)) + draw_given_name(rng, sex, birth_year)


def surname_of(name: str) -> str:
    if "·" in name:
        return name.split("·")[0]
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[0]


def anonymise(name: str) -> str:
    """王某某 / 欧阳某某 / 买买提·某某, as written in registers and dossiers shown to third parties."""
    return surname_of(name) + ("·某某" if "·" in name else "某某")


TOWN = "荷塘镇"
# (name, is_community, number of grids) in reading order over the 4 × 3 map, north-west first.
VILLAGE_LAYOUT = (
    (("梅林村", False, 3), ("桑园村", False, 3), ("杨家湾村", False, 3), ("双庙村", False, 3)),
    (("柳溪村", False, 3), ("荷塘社区", True, 4), ("新桥社区", True, 4), ("东浜村", False, 3)),
    (("石桥村", False, 3), ("南漾社区", True, 4), ("陆家埭村", False, 4), ("横港村", False, 3)),
)
ESTATES = ("锦绣苑", "荷花新村", "丽水家园", "阳光花园", "金桥公寓", "翠湖小区", "南漾花苑", "新塘雅苑",
           "桂花园", "东方名都", "和平新村", "书香苑")  # fmt: skip
STREETS = ("荷花路", "人民路", "长安街", "新华路", "振兴路", "文昌路", "南漾路", "塘北街")
INDUSTRIAL_ROADS = ("兴业路", "工业路", "创业大道", "纬一路", "经二路", "富民路")
BRANDS = ("鑫达", "恒盛", "华美", "永利", "宏达", "金诚", "佳和", "锦程", "瑞丰", "天成", "荣欣", "新源",
          "明辉", "嘉禾", "联发", "汇通", "顺昌", "博远", "万丰", "立信", "富康", "德隆", "兴旺", "福临",
          "金秋", "创美", "优品", "惠民", "百佳", "长青", "荷风", "溪畔", "众诚", "恒远", "信达", "晨光")  # fmt: skip
# sector -> name patterns; {brand}, {town}, {village}
ORGANISATION_PATTERNS = {
    "factory": ("{brand}纺织有限公司", "{brand}针织厂", "{brand}羊毛衫厂", "{brand}五金厂", "{brand}木业有限公司",
                "{brand}机械配件有限公司", "{brand}包装材料有限公司", "{brand}塑料制品厂"),
    "company": ("{brand}建筑工程有限公司", "{brand}农业开发有限公司", "{brand}物流有限公司",
                "{brand}装饰工程有限公司", "{brand}电子科技有限公司", "{brand}劳务有限公司"),
    "shop": ("{town}{brand}超市", "{town}{brand}便利店", "{town}{brand}家电商行", "{town}{brand}手机店",
             "{town}{brand}建材经营部", "{town}{brand}农资店", "{town}{brand}餐馆", "{town}{brand}电动车行",
             "{town}{brand}家具店", "{town}{brand}健身会所"),
    "property": ("{brand}物业服务有限公司",),
    "clinic": ("{town}{brand}诊所", "{town}{brand}口腔诊所"),
}  # fmt: skip
REFERRING_DEPARTMENTS = ("镇派出所", "镇人民法庭", "镇信访办", "镇自然资源所", "镇市场监管所", "镇劳动保障所")


@dataclass(frozen=True)
class Scenario:
    title: str
    facts: str
    claims: str
    pair: str = "neighbours"  # neighbours | spouses | kin (a parent, b an adult child) | organisation
    sector: str = ""  # the respondent organisation's sector when pair == "organisation"
    risk_hint: str = ""  # a reason for a yellow warning that this kind of matter often deserves
    weight: float = 1.0  # how often, relative to the other scenarios of its category or kind
    setting: str = ""  # "rural" (villages only), "urban" (communities only) or "" (anywhere)


_S = Scenario
DISPUTES: dict[str, tuple[Scenario, ...]] = {
    "婚姻家庭": (
        _S("{a}与{b}婚姻家庭纠纷", "其与配偶{b}结婚多年，近来因家庭开支和子女教育问题经常争吵。{months}个月前{b}搬出家中居住，双方关系持续紧张。", "请求调解，希望双方和好，共同承担家庭开支。", "spouses"),
        _S("{a}与{b}离婚财产分割纠纷", "其与{b}已协议离婚，但对婚后在{village}建造的房屋及共同存款{amount}的分割意见不一。双方多次协商未果，矛盾逐渐激化。", "请求依法分割共同财产，由{b}支付房屋折价款。", "spouses"),
        _S("{a}与{b}赡养纠纷", "其年事已高，患有慢性病，与子女{b}分开居住。{b}近{months}个月未支付生活费，也很少回家探望。其生活困难，多次与{b}沟通无果。", "请求{b}按月支付赡养费，并分担医疗费用。", "kin"),
        _S("{a}与{b}家庭财产纠纷", "其与子女{b}因老宅翻建后房屋登记在谁名下发生争执，双方互不相让，已有一个多月未来往。", "请求明确房屋份额，{b}不得擅自处分房屋。", "kin"),
    ),
    "邻里": (
        _S("{a}与{b}排水纠纷", "其与邻居{b}房屋相邻，{b}家新修的排水沟将生活污水直接排向其屋后，雨天积水严重。双方为此多次发生口角，{b}认为排水沟未占用他人土地。", "请求{b}改道排水，恢复原状。", setting="rural"),
        _S("{a}与{b}噪音纠纷", "邻居{b}在家中开设小型加工作坊，机器经常工作到深夜，噪音影响其家人休息。双方曾发生推搡，经村干部劝解后暂时平息。", "请求{b}限制作业时间，夜间不得开机。"),
        _S("{a}与{b}相邻通行纠纷", "其与{b}两家共用一条通往村道的小路。{b}近日在小路上堆放建材并砌起花坛，致其电动车无法通行。其上门协商时双方发生争吵。", "请求{b}清除障碍物，保障通行。", setting="rural"),
        _S("{a}与{b}树木遮光纠纷", "{b}在两家交界处种植的香樟树已长至十余米，枝叶遮挡其家阳台采光，落叶堵塞屋顶排水。其多次要求修剪，{b}未予理会。", "请求{b}修剪或移栽树木。"),
    ),
    "房屋宅基地": (
        _S("{a}与{b}宅基地边界纠纷", "其与邻居{b}因宅基地东侧围墙边界发生争执。{b}翻建房屋时将围墙向外移了约半米，其认为占用了自家宅基地。双方各执土地证为据，互不相让。", "请求依照宅基地使用证重新确定边界，{b}拆除越界部分围墙。", setting="rural"),
        _S("{a}与{b}建房纠纷", "{b}在原址翻建三层楼房，施工时导致其房屋墙体开裂、屋顶漏水。其要求停工赔偿，{b}认为裂缝系老房年久失修所致。", "请求{b}赔偿房屋修复费用{amount}。", setting="rural"),
        _S("{a}与{b}房屋买卖纠纷", "其于{years}年前购买{b}位于{village}的一处农房，支付房款{amount}，但一直未办理相关手续。现{b}以房屋涨价为由要求收回房屋。", "请求{b}继续履行协议，协助办理相关手续。", setting="rural"),
    ),
    "合同": (
        _S("{a}与{b}民间借贷纠纷", "其于{years}年前借给{b}{amount}，约定一年内归还，有借条为证。到期后{b}以生意亏损为由一再拖延，至今分文未还。", "请求{b}归还借款{amount}并支付利息。"),
        _S("{a}与{b}装修合同纠纷", "其将新房装修工程承包给{b}，合同价{amount}。工程完工后出现墙面开裂、地砖空鼓等问题，双方就返工和尾款支付发生争议。", "请求{b}返工维修，验收合格后再支付尾款。"),
        _S("{a}与{b}土地流转合同纠纷", "其将自家承包的三亩责任田流转给{b}种植葡萄，约定每年支付流转费。{b}已拖欠两年流转费共计{amount}。", "请求{b}支付拖欠的流转费{amount}。", setting="rural"),
        _S("{a}与{b}买卖合同纠纷", "其向{b}供应包装纸箱，累计货款{amount}。{b}以资金周转困难为由拖欠货款至今。", "请求{b}结清货款。", "organisation", "factory", weight=0.4),
    ),
    "生产经营": (
        _S("{a}与{b}合伙经营纠纷", "其与{b}合伙经营一家农家乐，双方各出资一半。农家乐停业后，双方对剩余设备处置和{amount}亏损的分担意见不一。", "请求清算合伙账目，合理分担亏损。"),
        _S("{a}与{b}养殖损失纠纷", "其在{village}{spot}承包鱼塘养殖，{b}在上游鱼塘清塘时排放的塘水致其鱼塘鱼类大面积死亡，损失约{amount}。", "请求{b}赔偿养殖损失{amount}。", setting="rural"),
        _S("{a}与{b}加工承揽纠纷", "其为{b}加工羊毛衫半成品，双方口头约定了加工费。交货后{b}以质量不合格为由扣减加工费{amount}，其认为质量符合要求。", "请求{b}按约支付加工费。", "organisation", "factory", weight=0.5),
    ),
    "损害赔偿": (
        _S("{a}与{b}人身损害赔偿纠纷", "其与{b}因琐事发生口角后互相推搡，其摔倒致手臂骨折，住院治疗花费医疗费{amount}。{b}认为双方均有过错，只愿承担部分费用。", "请求{b}赔偿医疗费、误工费等各项损失。"),
        _S("{a}与{b}犬只伤人纠纷", "其途经{b}家门口时被{b}饲养的未拴绳犬只咬伤小腿，注射狂犬疫苗及治疗共花费{amount}。{b}称狗平时很温顺，不愿赔偿。", "请求{b}赔偿医疗费及误工费，并拴养犬只。"),
        _S("{a}与{b}财产损害纠纷", "{b}在自家田里焚烧秸秆，火势蔓延烧毁其存放在田边的农具和稻草，损失约{amount}。", "请求{b}赔偿财产损失{amount}。", setting="rural"),
    ),
    "山林土地": (
        _S("{a}与{b}承包地边界纠纷", "其与{b}的承包地相邻。{b}在耕种时将田埂向其一侧移动，侵占约半分地。双方对第二轮土地承包时的边界说法不一。", "请求依照承包合同重新丈量，恢复原田埂。", setting="rural"),
        _S("{a}与{b}林地权属纠纷", "其家与{b}家对{village}{spot}后山一片竹林的权属发生争议，双方均称该竹林系祖上留下。近日{b}上山砍伐竹子，双方发生争执。", "请求确认竹林权属，{b}停止砍伐。", setting="rural"),
        _S("{a}与{b}灌溉用水纠纷", "正值农忙用水时节，{b}在共用水渠上筑坝截水，导致其下游稻田无法灌溉。双方为此多次争吵。", "请求{b}拆除拦水坝，按轮灌顺序用水。", setting="rural"),
    ),
    "征地拆迁": (
        _S("{a}与{b}拆迁补偿款分配纠纷", "其家老宅被列入征收范围，获得补偿款{amount}。其与子女{b}对补偿款的分配比例意见不一，{b}要求按户口人数平分。", "请求合理分配拆迁补偿款。", "kin"),
        _S("{a}等村民与{b}青苗补偿纠纷", "其所在的{village}{spot}共{n}户村民，因{b}实施道路拓宽工程占用自留地，青苗补偿款约{amount}至今未发放到位。村民多次到工地阻工，情绪较大。", "请求尽快核实并发放青苗补偿款。", "organisation", "company", weight=0.5),
        _S("{a}与{b}安置房分配纠纷", "其与{b}同为{village}拆迁安置户，双方因安置房楼层和位置的选择顺序发生争执，均认为对方插队。", "请求按抽签顺序公平分配安置房。"),
    ),
    "环境污染": (
        _S("{a}与{b}噪声污染纠纷", "其住宅紧邻{b}厂区，该厂夜间生产噪声较大，其家人长期失眠。其多次找厂方交涉，{b}承诺整改但未落实。", "请求{b}夜间停止高噪声作业，安装隔音设施。", "organisation", "factory", weight=0.6),
        _S("{a}等村民与{b}废水污染纠纷", "其所在的{village}{spot}共{n}名村民反映，{b}向附近河道排放废水，河水发黑发臭，影响灌溉和生活。村民曾集体到厂门口讨要说法。", "请求{b}停止排污、治理河道并赔偿损失。", "organisation", "factory", weight=0.5),
        _S("{a}与{b}养殖污染纠纷", "邻居{b}在房前屋后养殖生猪二十余头，粪污未经处理直接排放，气味刺鼻、蚊蝇滋生。其多次劝说，{b}称养猪是家中主要收入来源。", "请求{b}规范处理粪污或减少养殖规模。", weight=2.0, setting="rural"),
    ),
    "劳动争议": (
        _S("{a}与{b}拖欠工资纠纷", "其在{b}从事挡车工工作，{b}已拖欠其{months}个月工资共计{amount}。其多次讨要，厂方以资金紧张为由推脱。", "请求{b}一次性支付拖欠工资{amount}。", "organisation", "factory"),
        _S("{a}与{b}工伤赔偿纠纷", "其在{b}工作期间操作机器不慎致右手受伤，经鉴定为十级伤残。双方对一次性伤残补助金等赔偿数额分歧较大，其主张{amount}。", "请求{b}依法支付工伤保险待遇。", "organisation", "company", weight=0.8),
        _S("{a}等工人与{b}欠薪纠纷", "其与工友共{n}人在{b}承建的工地务工，工程完工后被拖欠工资共计约{amount}。工人们多次讨薪无果，情绪激动。", "请求{b}尽快结清全部工资。", "organisation", "company", weight=0.5),
        _S("{a}与{b}劳务费纠纷", "其跟随包工头{b}在外地做泥水工，{b}拖欠其劳务费{amount}，一直以工程款未结算为由推脱。", "请求{b}支付劳务费{amount}。", weight=1.5),
    ),
    "消费": (
        _S("{a}与{b}家电质量纠纷", "其在{b}花费{amount}购买空调一台，安装后不到一个月即出现不制冷故障，维修两次仍未修好。商家只同意继续维修，不同意退换。", "请求{b}退货退款或更换新机。", "organisation", "shop"),
        _S("{a}与{b}预付卡纠纷", "其在{b}办理会员预付卡，充值{amount}。近日店铺突然停业，卡内余额无法使用，店主电话无法接通。", "请求{b}退还剩余预付款。", "organisation", "shop"),
        _S("{a}与{b}电动车质量纠纷", "其在{b}购买的电动自行车价值{amount}，使用一周后电池鼓包。车行称系使用不当所致，拒绝免费更换。", "请求{b}免费更换电池。", "organisation", "shop"),
        _S("{a}与{b}农资买卖纠纷", "其从流动商贩{b}处购买的稻种发芽率不足三成，造成减产，损失约{amount}。{b}称种子系正规渠道进货，拒绝赔偿。", "请求{b}赔偿减产损失。", setting="rural"),
    ),
    "医疗": (
        _S("{a}与{b}医疗纠纷", "其母在{b}输液治疗时出现不良反应，经转院抢救后好转，共花费医疗费{amount}。其认为{b}未尽到观察义务，{b}认为诊疗行为符合规范。", "请求{b}承担医疗费用并赔礼道歉。", "organisation", "clinic"),
        _S("{a}与{b}口腔诊疗纠纷", "其在{b}种植牙两颗，费用{amount}。术后牙龈反复肿痛，复诊多次未见好转，双方就退费事宜协商未果。", "请求{b}退还部分费用并承担后续治疗费。", "organisation", "clinic"),
    ),
    "道路交通事故": (
        _S("{a}与{b}交通事故赔偿纠纷", "其骑电动车途经{village}村道时，被{b}倒车的小型汽车撞倒，致腿部受伤。交警部门认定{b}负事故主要责任。双方就误工费、护理费等赔偿数额协商未果，其主张{amount}。", "请求{b}赔偿医疗费、误工费、护理费等损失。", setting="rural"),
        _S("{a}与{b}电动车碰撞纠纷", "其骑电动自行车与{b}驾驶的三轮车在路口相撞，双方车辆受损，其本人轻微擦伤。交警认定双方同等责任，维修及医疗费用共计{amount}。", "请求按责任比例分担损失。"),
        _S("{a}与{b}、{c}交通事故纠纷", "其驾驶的轿车被{b}驾驶的货车追尾，车辆严重受损，维修费用{amount}。该货车系{b}向{c}借用，{b}称应由车主{c}承担部分责任。", "请求{b}、{c}赔偿车辆维修费。"),
    ),
    "物业": (
        _S("{a}与{b}物业服务纠纷", "其居住的{village}{spot}由{b}提供物业服务。近期楼道照明损坏、电梯多次故障，物业公司迟迟未修。其因此拒交物业费{amount}，物业公司上门催缴时双方发生争执。", "请求{b}履行维修义务，物业费按实际服务情况协商。", "organisation", "property", weight=0.6, setting="urban"),
        _S("{a}与{b}停车管理纠纷", "其所在小区车位紧张，{b}将公共绿地改为收费车位，业主对收费标准和收益归属有异议。其车辆被物业锁车，双方发生冲突。", "请求{b}公开车位收益，解除锁车。", "organisation", "property", weight=0.4, setting="urban"),
        _S("{a}与{b}漏水纠纷", "其楼上住户{b}家卫生间防水层损坏，导致其家天花板长期渗水发霉。其多次找{b}协商维修，{b}以工作忙为由一直拖延。", "请求{b}修复防水层并赔偿装修损失{amount}。", weight=1.5, setting="urban"),
    ),
    "其他": (
        _S("{a}与{b}名誉纠纷", "{b}在村民微信群中多次发布针对其的不实言论，称其偷拿集体物品，造成不良影响。其要求{b}道歉，{b}拒绝。", "请求{b}在微信群内公开道歉、消除影响。"),
        _S("{a}与{b}宠物归属纠纷", "其家饲养的猫走失后被{b}收留，{b}要求支付饲养费用后才肯归还，双方发生争执。", "请求{b}归还宠物。"),
        _S("{a}与{b}治丧扰民纠纷", "{b}在其家门口附近搭建灵棚办理丧事，连续多日燃放鞭炮，影响其家人出行和休息。双方因此发生口角。", "请求{b}拆除灵棚、文明治丧。"),
    ),
}  # fmt: skip

OTHER_MATTERS: dict[str, tuple[Scenario, ...]] = {
    "complaint": (
        _S("{village}{spot}餐饮油烟扰民", "其居住的{village}{spot}附近新开一家餐馆，油烟管道直接对着居民窗户排放，夏天无法开窗。其曾与店主沟通无果。", "请求督促餐馆安装油烟净化设施。"),
        _S("{village}{spot}附近夜间施工噪音", "附近工地连续多日夜间施工至凌晨，噪音严重影响周边居民休息。", "请求查处违规夜间施工行为。"),
        _S("{village}{spot}生活垃圾清运不及时", "其所在的{village}{spot}垃圾桶已满溢多日无人清运，气味难闻，招引蚊蝇。", "请求督促保洁单位及时清运垃圾。"),
        _S("{village}{spot}广场舞音响扰民", "每晚有居民在{village}{spot}空地跳广场舞，音响音量很大，持续到晚上十点以后。其家中有备考学生，休息受到影响。", "请求协调降低音量、缩短活动时间。"),
        _S("{village}{spot}自来水水压不足", "其家所在的{village}{spot}近一个月来自来水水压不足，用水高峰时段二楼以上基本无水。", "请求供水部门排查管网，恢复正常供水。"),
    ),
    "suggestion": (
        _S("建议在{village}{spot}增设路灯", "{village}{spot}至村道交叉口一段路没有路灯，夜间行人和电动车通行存在安全隐患。", "建议在该路段增设路灯。", setting="rural"),
        _S("建议增加{village}至镇区公交班次", "{village}至镇区的公交车每天只有四班，老人看病、学生上学出行不便。", "建议增加班次或开通预约公交。"),
        _S("建议在{village}建设老年活动场地", "{village}老年人较多，但缺少室内活动场所，老人只能在路边聊天。", "建议利用闲置村集体用房建设老年活动室。", setting="rural"),
        _S("建议在{village}{spot}路口设置减速带", "{village}{spot}路口紧邻幼儿园，过往车辆车速较快，接送孩子时存在安全隐患。", "建议设置减速带和警示标志。"),
    ),
    "help": (
        _S("{a}申请困难救助", "其家庭因病致贫，配偶长期卧床，子女在外务工收入微薄，今年医疗支出较大，生活困难。", "请求帮助申请临时救助。"),
        _S("{a}家中老人走失求助", "其父患有阿尔茨海默病，今日早晨独自外出后未归，家人寻找多时未果。", "请求网格员和派出所协助寻找。", risk_hint="老人走失，需立即协调寻找"),
        _S("{a}申请法律援助", "其在外地务工时受伤，用人单位拒绝赔偿，其经济困难，无力聘请律师。", "请求帮助申请法律援助。"),
        _S("{a}房屋漏雨求助", "其独自居住，房屋年久失修，近日大雨后屋顶多处漏雨，无力自行修缮。", "请求帮助联系危房改造或修缮。", risk_hint="独居老人住房存在安全隐患"),
    ),
    "consultation": (
        _S("{a}咨询遗产继承问题", "其父亲去世后留有房屋一处和存款若干，未留遗嘱，兄弟姐妹对如何分配意见不一。", "咨询法定继承的顺序和份额。"),
        _S("{a}咨询离婚财产分割", "其与配偶感情不和，准备离婚，婚后双方共同购买了一套商品房，尚有贷款未还清。", "咨询离婚时房产和贷款如何分割。"),
        _S("{a}咨询工伤认定程序", "其在工厂上班时被机器压伤手指，工厂未给其缴纳工伤保险。", "咨询如何申请工伤认定及赔偿标准。"),
        _S("{a}咨询借款诉讼时效", "其{years}年前借给朋友一笔钱，未约定还款期限，对方一直未还。", "咨询现在起诉是否已过诉讼时效，需要准备哪些证据。"),
        _S("{a}咨询土地承包经营权流转", "其全家外出务工，想把承包地流转给种粮大户，担心合同到期后收不回土地。", "咨询流转合同应当注意哪些事项。"),
    ),
    "grid_event": (
        _S("{village}{spot}乱堆乱放", "{village}{spot}道路两侧堆放大量建筑垃圾和废旧家具，占用通道，影响村容村貌。", "请求责令清理。"),
        _S("{village}{spot}占道经营", "{village}{spot}路口有流动摊贩长期占道经营，早高峰时段造成交通拥堵。", "请求综合执法部门处置。"),
        _S("{village}{spot}违章停车", "{village}{spot}多辆车辆长期停放在消防通道上，消防车无法通行。", "请求清理占用消防通道车辆。", risk_hint="消防通道被占用，存在安全隐患", setting="urban"),
        _S("{village}{spot}安全隐患", "{village}{spot}一处民房外墙私拉电线为电动车充电，存在火灾隐患。", "请求督促整改。", risk_hint="存在火灾隐患，需尽快处置"),
        _S("{village}{spot}路灯不亮", "{village}{spot}一段约200米的路灯已连续多日不亮，夜间行人通行不便。", "请求维修路灯。"),
        _S("{village}{spot}窨井盖破损", "{village}{spot}路面一处窨井盖破损下陷，存在行人跌落风险。", "请求尽快更换井盖。", risk_hint="井盖破损，存在人员跌落风险"),
        _S("{village}河道漂浮物", "{village}{spot}附近河道内漂浮大量水草和生活垃圾，影响水质和景观。", "请求河道保洁单位打捞清理。"),
        _S("{village}{spot}违规搭建", "{village}{spot}有村民在自家院外空地上搭建彩钢板棚，未经审批。", "请求核查处置。", setting="rural"),
    ),
}  # fmt: skip

# How a matter reached the center; "其" in the matter's text then refers to {a}.
OPENINGS = {
    "walk_in": "申请人{a}到镇综治中心窗口反映，",
    "initiative": "调委会在矛盾纠纷排查中了解到，{a}反映，",
    "grid_officer": "网格员{officer}走访时上报：{a}反映，",
    "hotline_12345": "12345热线转办：{a}来电反映，",
    "referral": "{department}移送：{a}反映，",
    "online": "{a}通过扫码平台反映，",
}
OTHER_OPENINGS = {**OPENINGS, "walk_in": "{a}到镇综治中心窗口反映，"}
PATROL_OPENING = "网格员{officer}在日常巡查中发现，"
DISPUTE_FOLLOW_UPS = (
    "双方曾经村干部协调，未能达成一致。", "网格员已到现场初步了解情况。", "双方均表示愿意接受人民调解委员会调解。",
    "{b}表示对方所述与事实有出入。", "其提供了照片、收据等相关材料。",
)  # fmt: skip
REPEAT_FOLLOW_UP = "双方此前曾因类似问题调解过，现矛盾再次发生。"
OTHER_FOLLOW_UPS = ("其留下联系方式，希望尽快得到答复。", "其表示已多次反映此问题。")
ONLINE_FOLLOW_UP = "现场照片已随件上传。"
PATROL_FOLLOW_UPS = ("已拍照留存。", "已当场劝导，需相关部门跟进处置。")
YELLOW_REASONS = (
    "当事人情绪激动，有激化可能", "双方积怨较深，多次调解未果", "当事人有过激言论，需防范民转刑",
    "纠纷反复发生，需持续跟踪", "涉及金额较大，双方分歧明显", "当事人扬言越级上访",
)  # fmt: skip
RED_REASONS = (
    "涉及人数较多，存在群体性风险", "当事人扬言采取极端行为，已报告派出所",
    "有聚集上访苗头，需镇领导牵头化解", "当事人有自伤倾向，已落实稳控措施",
)  # fmt: skip
MATTER_YELLOW_REASONS = ("反映人情绪激动，有激化可能", "同一问题多次反映，需跟踪督办")
MATTER_RED_REASONS = ("群众反映强烈，存在舆情风险", "存在重大安全隐患，需立即处置")
