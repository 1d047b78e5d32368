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
        'Strengths first (扬长): start from what the community is already good at and let it pull in the next element — the approach of the Hubei report.',
        'Weakest first: put effort into the weakest element.',
        'Balanced: spread effort evenly.',
      ],
    },
    {
      heading: 'Reading the pathway',
      paragraphs: [
        'An element “rolls in” in the week when the people it has engaged in other elements (each new volunteer, member, donor or partner counts one; a new organisation counts its founders) first reach a threshold per 1,000 residents. The first of the three carriers (organisations, volunteers, charity) to roll in is the first mover. The verdict is also read with the threshold, the events needed and the lead halved and doubled; the share of those readings that agree says how robust it is.',
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
        'The model simplifies: no politics inside the committee, no changes in housing or population, one community at a time.',
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
        '扬长（优势先行）：从社区已有的优势出发，让它带动下一个要素——这是湖北调研报告的做法。',
        '补短（弱项先行）：把力气花在最弱的要素上。',
        '均衡发展：平均分配力气。',
      ],
    },
    {
      heading: '怎样读联动路径',
      paragraphs: [
        '当一个要素在其他要素中带动的人数（每位新志愿者、成员、捐赠者或共建单位计一人，新成立的组织计其创办人数）首次达到每千名居民的门槛时，就算它“卷入”了。三个载体要素（社会组织、志愿者、慈善资源）中最先卷入的是先行要素。把门槛、所需事件数和领先周数各减半、加倍再判一次，结论一致的比例即其稳健性。',
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
        '模型做了简化：没有两委内部的政治，没有住房和人口的变化，一次只模拟一个社区。',
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
