/** The "about the model" page, in plain language. Each section: a heading and paragraphs or list items. */
export interface AboutSection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
}

export const ABOUT: Record<'zh' | 'en', AboutSection[]> = {
  en: [
    {
      heading: 'What this simulator is',
      paragraphs: [
        'It is a computer model of one city community over about two years, one step per week. It follows every resident and the five elements of 五社联动 (five-society linkage), and shows how the elements recruit and develop one another. It is a tool for thinking and teaching, not a forecast of any real community.',
        'The simulation in this page is exactly the one the wushe command line runs: the same scenario and the same seed give the same numbers.',
      ],
    },
    {
      heading: 'The five elements',
      items: [
        'Community (社区): the residents’ committee and party branch. The platform that organises, hosts and coordinates.',
        'Social organisations (社会组织): residents’ own groups (recreation, interests, learning, service) and outside professional organisations that take on projects. The carriers.',
        'Social workers (社会工作者): professional support — casework, group work, community organising and designing mechanisms such as incentives and projects.',
        'Community volunteers (社区志愿者): residents who give time; some become core volunteers (骨干) who lead others.',
        'Charity resources (社会慈善资源): money and in-kind help from foundations, local enterprises, community funds and donors. The only element that is a resource rather than people.',
      ],
    },
    {
      heading: 'Strength: one number per element',
      paragraphs: [
        'Each element has a strength between 0 and 1, measured from what the community actually has: committee staff and partner units; organisations and their members; social workers’ time and experience; volunteers and core volunteers; donors and money in the fund. A strength of 1 means as strong as a well-developed community of that size.',
        'The five sliders set the starting strengths, and the same measure is taken again every week, so the lines in the chart and the sliders are the same quantity.',
      ],
    },
    {
      heading: 'How the elements pull each other in',
      paragraphs: [
        '联中动 (move through linking): a strong element grows a weaker one. Capable members of an organisation start volunteering; a core volunteer founds a new group; a volunteer’s friend becomes a donor; a grant brings professional volunteers with it.',
        '动中联 (link while moving): a community problem becomes a project, and the project’s leaders look in their own networks for the money, the people and the organisation it lacks. Finished projects leave core volunteers and partner units behind.',
        'Social workers and the committee acting together are the base of every pathway: they start the channels, and how they spend their time is set by the strategy.',
        'Elements also weaken: volunteers drop out (more often at 3, 6 and 12 months), organisations close, and money is spent. Incentive schemes such as points and time banks reduce dropping out.',
      ],
    },
    {
      heading: 'Strategies',
      items: [
        'Strengths first (扬长): the social workers’ and the committee’s organising time goes into the channels of the strong elements, so the strong carrier pulls the next one in and the same hour goes further where the source is large — the approach of the Hubei report.',
        'Weakest first (补短): the time goes directly into the weak elements — social workers recruit volunteers, incubate organisations and raise funds themselves — so the weak element grows without being the one that acts.',
        'Balanced: both at once, every channel the same. Over many runs strengths-first involves all five sooner more often than weakest-first, but not always; balanced is sometimes as fast. Compare runs → “This community under the three strategies” shows it for your community.',
      ],
    },
    // --- Model 2 (social workers, limits, money, knock-outs, patterns): kept together in one block ---
    {
      heading: 'Social workers come and go',
      paragraphs: [
        'Social workers are an element of the model like the others, not a fixed background. Agency social workers are stationed in the community by a purchase-of-service contract (购买服务) that runs for a year; at its end the committee may renew it, the charity fund may take the team over and pay them week by week, or they leave. The fund can also buy more social-work time while it holds a reserve.',
        'Social workers train committee staff and core volunteers into local para-professionals (本土社工), who start after a few months of training and sometimes leave. Skill grows with practice and belongs to the people: when a worker leaves, their skill leaves with them.',
        'Every channel is one of three kinds. Some need social workers (they incubate an organisation, recruit a volunteer, raise funds, train a para-professional); some are multiplied by them (capable members volunteering, a core volunteer founding a group, a volunteer becoming core, a problem becoming a project) and run at 40% of their rate without them (by default); the rest (neighbours asking neighbours, the committee’s own work, projects) do not involve them.',
        'The committee is a platform with its own limits: staff turn over and posts stay empty for a while, administrative work takes part of their time, and its venues and its contacts with residents make other channels work better.',
      ],
    },
    {
      heading: 'Limits, decay and money with terms',
      items: [
        'Partner links lapse when there is no joint work for a long time.',
        'The pool of willing residents is finite, and so is the room for organisations: groups compete for members.',
        'Core volunteers burn out and step back; organisation leaders step down; inactive groups close; volunteers drop out (more often at 3, 6 and 12 months); donors stop giving; residents move in and out.',
        'Grants and contracts end. A project draws what its budget needs and stops early when the money runs out, so a grant that ends can leave a funding cliff; local donors and a community fund soften it.',
        'Charity aid reaches residents only through an actor — the committee, social workers, volunteers or organisations. Money with no one to carry it helps no one.',
      ],
    },
    {
      heading: 'Claims, mechanisms and switches (knock-outs)',
      paragraphs: [
        'Each claim of the report rests on a mechanism in the model, and every mechanism can be switched off for a run (a knock-out) to see what it contributes. In a scenario file, list the ids under “knockouts”; on the command line, add --knockout ID (repeatable). The ids are listed in the model description (ODD, section 7.12).',
      ],
      items: [
        '“Social workers are the key” → the channels that need or are multiplied by social workers → start with no social workers and knock out committee-renews-contract and fund-buys-social-work (the lesson “What do social workers add?”), or knock out only social-worker-support.',
        '“Start from strengths (扬长)” → strengths-first effort goes through the strong elements’ channels → run the same community with strategy weakest-first or balanced.',
        '“Projects link the elements (动中联)” → projects look for money, people and an organisation → knock out project-funding, project-recruits-volunteer and the other project mechanisms.',
        '“Funding runs out” → grants, contracts and project budgets with terms → knock out contract-end or project-budget-terms to see a world without terms.',
        '“Linkage does not last by itself” → lapse, burnout, leaders leaving, closures, turnover → knock out partner-link-lapse, core-burnout, leader-exit, organization-closure, volunteer-lapse or resident-turnover.',
      ],
    },
    {
      heading: 'The pattern battery',
      paragraphs: [
        'The command wushe patterns runs a set of patterns from the report and the literature — the three practice models from their starting profiles, social workers as the key, strengths first, the funding cliff and how local charity softens it, plateaus of organisations and volunteers, knock-outs — each over many seeds, and prints for each what was expected, what was measured (with a 95% interval) and PASS or FAIL. A pattern is a claim the model should reproduce without being fitted to it; a FAIL is reported, not hidden.',
      ],
    },
    // --- end of the Model 2 block ---
    {
      heading: 'Reading the pathway',
      paragraphs: [
        'An element “rolls in” in the week when the people it has engaged in other elements (each new volunteer, member, donor or partner counts one; a new organisation counts its founders; money it puts in, such as a grant or a project’s draw on the fund, counts by its amount, a set number of yuan to the person) first reach a threshold per 1,000 residents. The first of the three carriers (organisations, volunteers, charity) to roll in is the first mover. The verdict is also read with the threshold, the yuan counted as one person, the events needed and the lead halved and doubled; the share of those readings that agree says how robust it is.',
        'If the first mover leads the next carrier by at least four weeks, the run is named after it: organisation-led, volunteer-led or charity-led roll-in — the three practice models of the report. Otherwise it is mixed. The pathway panel always says why in words.',
      ],
    },
    {
      heading: 'Residents and outcomes',
      paragraphs: [
        'Residents have psychological, material and social needs. Each element serves some residents every week, as far as its time and money allow; being served lowers needs and, through social workers especially, raises belonging and trust.',
        'The outcomes panel sets the run next to the Hubei survey of 618 residents in 32 communities (e.g. 98.87% had received social-work services). The simulated figures describe one simulated community and are not calibrated to the survey: compare shapes, not decimals.',
      ],
    },
    {
      heading: 'What to keep in mind',
      items: [
        'Many rates are assumptions; each parameter’s source is listed in the advanced parameters and in docs/parameters.md.',
        'Change the seed to see how much of a result is chance: a pattern that holds over many seeds (the strength landscape) is worth more than one run.',
        'The model simplifies: no politics inside the committee, no changes in housing (residents move in and out, the number stays the same), one community at a time.',
      ],
    },
    {
      heading: 'Sources',
      items: [
        'Hubei Provincial Civil Affairs Department (2021), “五社联动”助推基层治理体系和治理能力现代化, 《中国民政》.',
        'Centola, D. (2010). The spread of behavior in an online social network experiment. Science 329.',
        'Granovetter, M. (1978). Threshold models of collective behavior; Oliver, Marwell & Teixeira (1985). A theory of the critical mass.',
        'Guimerà, R. et al. (2005). Team assembly mechanisms determine collaboration network structure. Science 308.',
        'Colours: Okabe & Ito (2008), a palette readable with colour-vision deficiencies.',
      ],
    },
  ],
  zh: [
    {
      heading: '这个模拟器是什么',
      paragraphs: [
        '它是一个城市社区约两年的计算机模型，每一步代表一周。它追踪每一位居民和“五社联动”的五个要素，展示这些要素如何相互动员、相互培育。它是用来思考和教学的工具，而不是对某个真实社区的预测。',
        '本页面中的模拟与 wushe 命令行完全相同：同样的情景和随机种子得到同样的数字。',
      ],
    },
    {
      heading: '五个要素',
      items: [
        '社区：居委会与社区党组织（“两委”），是组织、搭台和协调的平台。',
        '社会组织：居民自组织（娱乐型、趣缘型、学习型、服务型）和承接项目的外部专业组织，是联动的载体。',
        '社会工作者：专业支撑，开展个案工作、小组工作、社区工作，并设计激励、项目等机制。',
        '社区志愿者：贡献时间的居民，其中一部分成长为带动他人的骨干。',
        '社会慈善资源：来自基金会、辖区企业、社区基金和捐赠者的资金与物资，是五个要素中唯一的资源要素。',
      ],
    },
    {
      heading: '强度：每个要素一个数',
      paragraphs: [
        '每个要素都有一个 0 到 1 之间的强度，依据社区实际拥有的东西计算：社区工作人员和共建单位；社会组织及其成员；社工的工时与经验；志愿者与骨干；捐赠者和基金里的钱。强度为 1 表示达到同等规模的成熟社区水平。',
        '五个滑块设定初始强度，之后每周用同一方法重新测量，所以图中的曲线和滑块是同一个量。',
      ],
    },
    {
      heading: '要素如何相互卷联',
      paragraphs: [
        '联中动（以联促动）：强的要素培育弱的要素。社会组织里的能人带头做志愿服务；骨干志愿者创办新组织；志愿者的朋友成为捐赠者；公益创投资金带来专业志愿者。',
        '动中联（在行动中联动）：社区问题变成项目，项目负责人到自己的人脉里寻找项目缺少的资金、人手和承接组织。项目结束后留下骨干和共建单位。',
        '社工与社区的联合行动是每条路径的基础：它们启动各条渠道，时间如何分配由所选策略决定。',
        '要素也会减弱：志愿者会流失（在 3、6、12 个月时更多），组织会关闭，资金会花完。积分、时间银行等激励机制能减少流失。',
      ],
    },
    {
      heading: '策略',
      items: [
        '扬长（优势先行）：社工和社区的组织工时投入强要素的渠道，让强的载体带动下一个要素；来源要素越大，同样的工时作用越大——这是湖北调研报告的做法。',
        '补短（弱项先行）：工时直接投入弱要素——社工亲自招募志愿者、孵化组织、募集资金，弱要素不必自己行动也能成长。',
        '均衡发展：两者兼顾，每条渠道一样多。多次运行中，扬长比补短更常让五个要素更早全部卷入，但并非每次如此；均衡有时同样快。“比较运行”→“本社区在三种策略下”可以看你的社区。',
      ],
    },
    // --- 模型二（社工、限度、资金、关闭机制、模式检验）：集中放在这一段 ---
    {
      heading: '社工的进入与离开',
      paragraphs: [
        '社工和其他要素一样是模型中的一个要素，而不是固定的背景。机构社工通过为期一年的政府购买服务合同驻点社区；合同到期时，社区可能续签，慈善基金可能接手并按周支付，否则社工离开。基金有储备时还可以再购买社工服务时间。',
        '社工把社区工作人员和骨干志愿者培养成本土社工，培训几个月后上岗，也会有人离开。技能在实践中增长，并属于人本身：社工离开，技能也随之带走。',
        '每条渠道属于三类之一。有些渠道离不开社工（孵化组织、招募志愿者、募集资金、培养本土社工）；有些由社工倍增（组织能人做志愿服务、骨干创办组织、志愿者成长为骨干、问题转化为项目），没有社工时只有原速率的 40%（默认值）；其余渠道（邻里相邀、社区自身的工作、项目）与社工无关。',
        '社区是有自身限度的平台：工作人员会流动，岗位会空缺一段时间；行政事务占去一部分时间；社区的场地和与居民的联系让其他渠道更有效。',
      ],
    },
    {
      heading: '限度、衰减与有期限的资金',
      items: [
        '共建关系长期没有共同行动就会失效。',
        '愿意参与的居民有限，社会组织的空间也有限：组织之间争夺成员。',
        '骨干会倦怠而退回普通志愿者；组织带头人会卸任；不活跃的组织会关闭；志愿者会流失（在 3、6、12 个月时更多）；捐赠者会停止捐赠；居民会迁入迁出。',
        '资助和合同都会到期。项目按预算取用资金，资金断了就提前结束，所以资助结束可能造成断崖；本地捐赠和社区基金可以缓冲。',
        '慈善援助只有经由行动主体——社区、社工、志愿者或社会组织——才能送达居民。没有人送达的钱帮不了任何人。',
      ],
    },
    {
      heading: '论断、机制与开关（关闭机制）',
      paragraphs: [
        '报告的每个论断都对应模型中的一个机制，每个机制都可以在一次运行中关闭，看看它贡献了什么。在情景文件的 knockouts 中列出机制编号，或在命令行加上 --knockout 编号（可重复）。编号列在模型说明（ODD 第 7.12 节）中。',
      ],
      items: [
        '“社工是关键”→ 离不开社工或由社工倍增的渠道 → 初始不设社工，并关闭 committee-renews-contract 和 fund-buys-social-work（课堂练习“社工带来了什么？”），或只关闭 social-worker-support。',
        '“扬长”→ 扬长策略的工时经由强要素的渠道起作用 → 同一社区改用补短或均衡策略再运行。',
        '“动中联”→ 项目寻找资金、人手和承接组织 → 关闭 project-funding、project-recruits-volunteer 等项目机制。',
        '“资金会用完”→ 有期限的资助、合同和项目预算 → 关闭 contract-end 或 project-budget-terms，看看没有期限的世界。',
        '“联动不会自动延续”→ 失效、倦怠、带头人离开、组织关闭、人员流动 → 关闭 partner-link-lapse、core-burnout、leader-exit、organization-closure、volunteer-lapse 或 resident-turnover。',
      ],
    },
    {
      heading: '模式检验',
      paragraphs: [
        '命令 wushe patterns 运行一组来自报告和文献的模式——三种实践模式由各自的初始条件产生、社工是关键、扬长、资助结束后的断崖及本地慈善对它的缓冲、社会组织和志愿者的平台期、关闭机制——每个模式跑多个随机种子，逐一列出预期、实测（含 95% 区间）以及通过或未通过。模式是模型不经拟合就应当再现的论断；未通过的会如实报告，不会隐藏。',
      ],
    },
    // --- 模型二段落结束 ---
    {
      heading: '怎样读联动路径',
      paragraphs: [
        '当一个要素在其他要素中带动的人数（每位新志愿者、成员、捐赠者或共建单位计一人，新成立的组织计其创办人数；它投入的资金，如一笔资助或项目从基金中支取的款项，按金额折算，每若干元计一人）首次达到每千名居民的门槛时，就算它“卷入”了。三个载体要素（社会组织、志愿者、慈善资源）中最先卷入的是先行要素。把门槛、每人折算的金额、所需事件数和领先周数各减半、加倍再判一次，结论一致的比例即其稳健性。',
        '如果先行要素比下一个载体至少早四周，这次运行就以它命名：社会组织卷联型、社区志愿者卷联型或社会慈善资源卷联型——即报告中的三种实践模式；否则为混合型。路径面板会用文字说明判断依据。',
      ],
    },
    {
      heading: '居民与成效',
      paragraphs: [
        '居民有心理、物质和社会关系三类需求。每个要素每周在时间和资金允许的范围内为部分居民服务；接受服务会降低需求，并（尤其是通过社工）提高归属感和信任。',
        '成效面板把本次运行与湖北对 32 个社区 618 名居民的调研放在一起（例如 98.87% 的受访者接受过社工服务）。模拟数值只代表一个模拟社区，未按调研校准：请比较形态，不要比较小数点。',
      ],
    },
    {
      heading: '需要注意',
      items: [
        '许多速率是假设；每个参数的来源列在高级参数和 docs/parameters.md 中。',
        '换一个随机种子，看看结果有多少是偶然：在许多种子下都成立的规律（强度地形图）比一次运行更有说服力。',
        '模型做了简化：没有两委内部的政治，没有住房的变化（居民迁入迁出，但总人数不变），一次只模拟一个社区。',
      ],
    },
    {
      heading: '资料来源',
      items: [
        '湖北省民政厅（2021）：“五社联动”助推基层治理体系和治理能力现代化，《中国民政》。',
        'Centola (2010)：在线社会网络实验中的行为传播，《科学》第 329 卷。',
        'Granovetter (1978) 集体行为的门槛模型；Oliver、Marwell 与 Teixeira (1985) 临界数量理论。',
        'Guimerà 等 (2005)：团队组建机制决定合作网络结构，《科学》第 308 卷。',
        '配色：Okabe 与 Ito (2008) 的色觉友好配色。',
      ],
    },
  ],
};

export const ABOUT_MECHANISMS = { zh: '全部联动机制', en: 'All linkage mechanisms' };
export const ABOUT_COLUMNS = {
  zh: ['机制', '从', '到', '类型'],
  en: ['Mechanism', 'From', 'To', 'Kind'],
};
