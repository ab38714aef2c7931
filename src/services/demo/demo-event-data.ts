// The demo event, shaped like the GSAT 2025 open-innovation meetup in Changwon. Every company and person is
// invented; e-mail addresses use the reserved example.com domain. Changing this data changes the demo for everyone,
// so the demo tests pin its counts.

export const DEMO_SLUG = 'gsat-2025';

export const DEMO_EVENT = {
  slug: DEMO_SLUG,
  nameKo: 'GSAT 2025 오픈이노베이션 밋업',
  nameEn: 'GSAT 2025 Open Innovation Meetup',
  venue: '창원컨벤션센터 (CECO) · Changwon Convention Center',
  timezone: 'Asia/Seoul',
  meetingMinutes: 20,
  bufferMinutes: 5,
} as const;

const LUNCH = { nameKo: '점심', nameEn: 'Lunch', startTime: '12:00', endTime: '13:00' } as const;

export const DEMO_DAYS = [
  { date: '2025-05-28', startTime: '10:00', endTime: '17:00', afternoonFrom: '12:00', breaks: [LUNCH] },
  { date: '2025-05-29', startTime: '10:00', endTime: '17:00', afternoonFrom: '12:00', breaks: [LUNCH] },
] as const;

/** Tables: booths are labelled B-01…; shared tables `<prefix>-<n>`. */
export const DEMO_ROOMS = [
  { nameKo: '전시장 1홀 부스존', nameEn: 'Exhibition Hall 1 Booths', booths: true, prefix: 'B', tables: 10 },
  { nameKo: '제1회의실', nameEn: 'Meeting Room 1', booths: false, prefix: 'R1', tables: 4 },
  { nameKo: '제2회의실', nameEn: 'Meeting Room 2', booths: false, prefix: 'R2', tables: 3 },
] as const;

/** Meeting Room 2 hosts the opening ceremony's press briefing on the first morning. */
export const DEMO_CLOSED_TABLES = { prefix: 'R2', date: '2025-05-28', session: 'am' } as const;

export interface DemoOrganization {
  readonly code: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly sectorKo: string;
  readonly sectorEn: string;
  readonly descriptionKo: string;
  readonly descriptionEn: string;
  /** Sub-domain of example.com for the representatives' addresses. */
  readonly domain: string;
  /** Representatives who read English; the others read Korean. */
  readonly englishSpeakers: number;
  readonly representatives: number;
}

export interface DemoCorporate extends DemoOrganization {
  /** Startups this corporate asks to meet. */
  readonly invites: readonly string[];
  readonly maxMeetingsPerDay?: number;
}

export interface DemoStartup extends DemoOrganization {
  /** Corporates this startup asks to meet, most wanted first. */
  readonly wants: readonly string[];
}

const corporate = (
  code: string,
  names: [string, string],
  sector: [string, string],
  description: [string, string],
  domain: string,
  invites: string[],
  extra: { englishSpeakers?: number; representatives?: number; maxMeetingsPerDay?: number } = {},
): DemoCorporate => ({
  code,
  nameKo: names[0],
  nameEn: names[1],
  sectorKo: sector[0],
  sectorEn: sector[1],
  descriptionKo: description[0],
  descriptionEn: description[1],
  domain,
  invites,
  englishSpeakers: extra.englishSpeakers ?? 0,
  representatives: extra.representatives ?? 2,
  ...(extra.maxMeetingsPerDay === undefined ? {} : { maxMeetingsPerDay: extra.maxMeetingsPerDay }),
});

const NUCLEAR: [string, string] = ['원자력', 'Nuclear'];
const AEROSPACE: [string, string] = ['항공우주', 'Aerospace'];
const MARINE: [string, string] = ['조선해양', 'Shipbuilding & Marine'];
const DEFENSE: [string, string] = ['방위산업', 'Defense'];
const MACHINERY: [string, string] = ['기계', 'Machinery'];

export const DEMO_CORPORATES: readonly DemoCorporate[] = [
  corporate('corp-01', ['새솔원자력엔지니어링', 'Saesol Nuclear Engineering'], NUCLEAR,
    ['원전 설계·정비 및 SMR 기자재 공급', 'Nuclear plant design and maintenance, SMR components'],
    'saesol-nuclear', ['st-17', 'st-14', 'st-34'], { representatives: 3 }),
  corporate('corp-02', ['다온에너지중공업', 'Daon Energy Heavy Industries'], NUCLEAR,
    ['원자로 주기기와 발전용 대형 주단조품 제작', 'Reactor main components and large forgings for power plants'],
    'daon-energy', ['st-11', 'st-15', 'st-22'], { maxMeetingsPerDay: 10 }),
  corporate('corp-03', ['창공에어로스페이스', 'Changgong Aerospace'], AEROSPACE,
    ['민항기·군용기 기체 구조물과 날개 조립', 'Airframe structures and wing assemblies for civil and military aircraft'],
    'changgong-aero', ['st-29', 'st-40', 'st-33'], { representatives: 3, englishSpeakers: 1 }),
  corporate('corp-04', ['하늘누리스페이스', 'Haneulnuri Space'], AEROSPACE,
    ['위성 본체와 발사체 추진계 부품', 'Satellite buses and launch-vehicle propulsion parts'],
    'haneulnuri-space', ['st-27', 'st-31', 'st-11']),
  corporate('corp-05', ['가람조선해양', 'Garam Shipbuilding & Offshore'], MARINE,
    ['LNG 운반선과 친환경 연료추진 선박 건조', 'LNG carriers and alternative-fuel ships'],
    'garam-shipbuilding', ['st-07', 'st-17', 'st-24'], { representatives: 3 }),
  corporate('corp-06', ['바다온마린텍', 'Badaon Marine Tech'], MARINE,
    ['선박 기자재, 스마트십 솔루션', 'Ship equipment and smart-ship solutions'],
    'badaon-marine', ['st-01', 'st-04', 'st-32'], { englishSpeakers: 1 }),
  corporate('corp-07', ['굳건디펜스', 'Gutgeon Defense'], DEFENSE,
    ['지상 무기체계와 궤도차량 구동계', 'Land systems and tracked-vehicle drivetrains'],
    'gutgeon-defense', ['st-15', 'st-12', 'st-29'], { representatives: 3 }),
  corporate('corp-08', ['세움방산시스템', 'Seum Defense Systems'], DEFENSE,
    ['유도무기, 전자광학 및 레이더 체계', 'Guided weapons, electro-optics and radar systems'],
    'seum-defense', ['st-02', 'st-13', 'st-33']),
  corporate('corp-09', ['성산정밀기계', 'Seongsan Precision Machinery'], MACHINERY,
    ['CNC 공작기계와 스마트 공장 자동화', 'CNC machine tools and smart-factory automation'],
    'seongsan-precision', ['st-30', 'st-31', 'st-24'], { representatives: 3 }),
  corporate('corp-10', ['한마루산업기계', 'Hanmaru Industrial Machinery'], MACHINERY,
    ['건설·농업 기계와 유압 부품', 'Construction and agricultural machinery, hydraulic components'],
    'hanmaru-machinery', ['st-36', 'st-12', 'st-14']),
];

const startup = (
  n: number,
  names: [string, string],
  sector: [string, string],
  description: [string, string],
  domain: string,
  wants: number[],
  extra: { englishSpeakers?: number; representatives?: number } = {},
): DemoStartup => ({
  code: `st-${String(n).padStart(2, '0')}`,
  nameKo: names[0],
  nameEn: names[1],
  sectorKo: sector[0],
  sectorEn: sector[1],
  descriptionKo: description[0],
  descriptionEn: description[1],
  domain,
  wants: wants.map((c) => `corp-${String(c).padStart(2, '0')}`),
  englishSpeakers: extra.englishSpeakers ?? 0,
  representatives: extra.representatives ?? (n % 3 === 0 ? 2 : 1),
});

export const DEMO_STARTUPS: readonly DemoStartup[] = [
  startup(1, ['루멘비전', 'Lumen Vision'], ['AI 비전 검사', 'AI visual inspection'],
    ['용접 비드 결함을 자동 검출하는 비전 AI', 'Vision AI that finds weld-bead defects'], 'lumenvision', [5, 9, 2, 6]),
  startup(2, ['아톰가드', 'AtomGuard'], ['방사선 계측', 'Radiation monitoring'],
    ['드론 탑재형 방사선 측정기', 'Drone-mounted radiation detectors'], 'atomguard', [1, 2, 8]),
  startup(3, ['큐브샛웍스', 'CubeSat Works'], ['초소형 위성', 'Small satellites'],
    ['6U 큐브위성 버스와 탑재체 통합', '6U CubeSat buses and payload integration'], 'cubesatworks', [4, 3, 8],
    { englishSpeakers: 2 }),
  startup(4, ['딥씨로보틱스', 'DeepSea Robotics'], ['수중 로봇', 'Underwater robotics'],
    ['선체 검사용 수중 드론', 'Underwater drones for hull inspection'], 'deepsea-robotics', [6, 5, 8]),
  startup(5, ['그린하이드로', 'Green Hydro'], ['수소 연료전지', 'Hydrogen fuel cells'],
    ['선박용 수소 연료전지 시스템', 'Hydrogen fuel-cell systems for ships'], 'greenhydro', [5, 6, 2, 10]),
  startup(6, ['메탈프린트', 'MetalPrint'], ['금속 3D 프린팅', 'Metal additive manufacturing'],
    ['항공·방산 부품 금속 적층 제조', 'Metal additive manufacturing of aerospace and defense parts'], 'metalprint',
    [3, 4, 9, 2, 7]),
  startup(7, ['센서리움', 'Sensorium'], ['산업용 IoT 센서', 'Industrial IoT sensors'],
    ['무선 진동·온도 센서와 배터리리스 태그', 'Wireless vibration and temperature sensors'], 'sensorium', [9, 10, 1, 6]),
  startup(8, ['트윈스케이프', 'TwinScape'], ['디지털 트윈', 'Digital twins'],
    ['조선소 공정 디지털 트윈', 'Digital twins of shipyard processes'], 'twinscape', [5, 9, 2]),
  startup(9, ['에어로메쉬', 'AeroMesh'], ['드론 통신', 'Drone networking'],
    ['군집 드론용 메쉬 네트워크', 'Mesh networking for drone swarms'], 'aeromesh', [8, 7, 4]),
  startup(10, ['쿼츠포토닉스', 'Quartz Photonics'], ['광학·적외선', 'Optics and infrared'],
    ['비냉각 적외선 열화상 모듈', 'Uncooled thermal imaging modules'], 'quartz-photonics', [8, 7, 3, 1]),
  startup(11, ['하이퍼코트', 'HyperCoat'], ['특수 코팅', 'Specialty coatings'],
    ['고온 내열 세라믹 코팅', 'High-temperature ceramic coatings'], 'hypercoat', [3, 2, 4, 5, 10]),
  startup(12, ['볼트웨이브', 'VoltWave'], ['배터리 시스템', 'Battery systems'],
    ['전기추진 선박·차량용 배터리 팩', 'Battery packs for electric ships and vehicles'], 'voltwave', [6, 5, 7]),
  startup(13, ['노바컴포지트', 'Nova Composites'], ['복합소재', 'Composite materials'],
    ['탄소섬유 경량 구조물', 'Lightweight carbon-fibre structures'], 'nova-composites', [3, 4, 8, 10]),
  startup(14, ['세이프웍스', 'SafeWorks'], ['산업 안전', 'Industrial safety'],
    ['작업자 안전 웨어러블과 위험구역 알림', 'Worker-safety wearables and danger-zone alerts'], 'safeworks', [5, 2, 10, 9]),
  startup(15, ['코봇팩토리', 'Cobot Factory'], ['협동로봇', 'Collaborative robots'],
    ['용접·연마 협동로봇 셀', 'Welding and grinding cobot cells'], 'cobotfactory', [9, 5, 10, 6]),
  startup(16, ['시큐어노드', 'SecureNode'], ['OT 보안', 'OT security'],
    ['원전·방산 제어망 보안 솔루션', 'Control-network security for nuclear and defense'], 'securenode', [1, 8, 7, 2]),
  startup(17, ['프리딕트엠', 'PredictM'], ['예지보전 AI', 'Predictive maintenance'],
    ['회전기기 고장 예측 AI', 'Failure prediction for rotating machinery'], 'predictm', [10, 9, 6, 1, 2]),
  startup(18, ['마린인사이트', 'Marine Insight'], ['해양 데이터', 'Maritime data'],
    ['선박 연비 최적 항로 서비스', 'Fuel-optimal voyage routing'], 'marine-insight', [6, 5, 9], { englishSpeakers: 1 }),
  startup(19, ['스페이스링크', 'SpaceLink'], ['위성 통신', 'Satellite communications'],
    ['저궤도 위성 지상국 서비스', 'Ground stations for low-orbit satellites'], 'spacelink', [4, 8, 3],
    { englishSpeakers: 1, representatives: 1 }),
  startup(20, ['뉴트론랩', 'Neutron Lab'], ['원자력 소재', 'Nuclear materials'],
    ['사고저항성 핵연료 피복재', 'Accident-tolerant fuel cladding'], 'neutronlab', [2, 1, 9]),
  startup(21, ['디콤테크', 'Decom Tech'], ['원전 해체', 'Decommissioning'],
    ['원격 절단 로봇과 해체 공정 시뮬레이션', 'Remote cutting robots and dismantling simulation'], 'decomtech', [1, 2, 9]),
  startup(22, ['스마트기어', 'SmartGear'], ['정밀 감속기', 'Precision reducers'],
    ['로봇·방산용 고정밀 감속기', 'High-precision reducers for robots and defense'], 'smartgear', [9, 10, 3, 7]),
  startup(23, ['하이드로릭큐', 'HydraulIQ'], ['유압 제어', 'Hydraulic control'],
    ['전자유압 제어 밸브와 AI 튜닝', 'Electro-hydraulic valves with AI tuning'], 'hydrauliq', [10, 7, 9]),
  startup(24, ['엑소웍스', 'ExoWorks'], ['웨어러블 로봇', 'Exoskeletons'],
    ['조선·건설 현장용 근력보조 외골격', 'Muscle-assist exoskeletons for shipyards and sites'], 'exoworks', [5, 7, 10, 2]),
  startup(25, ['레이더원', 'RadarOne'], ['레이더 신호처리', 'Radar signal processing'],
    ['소형 AESA 레이더 신호처리 보드', 'Signal processing boards for compact AESA radar'], 'radarone', [8, 7, 4]),
  startup(26, ['소나웨이브', 'SonarWave'], ['수중 음향', 'Underwater acoustics'],
    ['수중 음향 탐지와 소음 저감', 'Underwater acoustic detection and noise reduction'], 'sonarwave', [6, 8, 5]),
  startup(27, ['퀀텀센스', 'QuantumSense'], ['양자 센서', 'Quantum sensors'],
    ['양자 자력계 기반 GPS 없는 항법', 'GPS-free navigation with quantum magnetometers'], 'quantumsense', [8, 4, 7],
    { englishSpeakers: 2 }),
  startup(28, ['블루에미션', 'BlueEmission'], ['선박 배출 저감', 'Ship emissions'],
    ['선상 탄소 포집 스크러버', 'On-board carbon capture scrubbers'], 'blueemission', [5, 6, 10]),
  startup(29, ['에어모빌리티랩', 'AirMobility Lab'], ['도심항공교통', 'Urban air mobility'],
    ['수직이착륙 무인기 기체', 'eVTOL drone airframes'], 'airmobility-lab', [3, 4, 10]),
  startup(30, ['포톤웰드', 'PhotonWeld'], ['레이저 용접', 'Laser welding'],
    ['후판 고속 레이저 하이브리드 용접', 'High-speed laser-hybrid welding of thick plate'], 'photonweld', [5, 9, 2, 3]),
  startup(31, ['엣지실리콘', 'Edge Silicon'], ['AI 반도체', 'Edge AI chips'],
    ['저전력 엣지 AI 칩', 'Low-power edge AI chips'], 'edge-silicon', [8, 9, 4]),
  startup(32, ['데이터하버', 'DataHarbor'], ['산업 데이터 플랫폼', 'Industrial data platform'],
    ['설비 데이터 수집·분석 플랫폼', 'Collecting and analysing equipment data'], 'dataharbor', [10, 1, 6, 9]),
  startup(33, ['써모플로우', 'ThermoFlow'], ['열관리', 'Thermal management'],
    ['전자장비 액체 냉각 모듈', 'Liquid cooling modules for electronics'], 'thermoflow', [4, 2, 7]),
  startup(34, ['인스펙트원', 'InspectOne'], ['비파괴검사', 'Non-destructive testing'],
    ['위상배열 초음파 자동 검사', 'Automated phased-array ultrasonic testing'], 'inspectone', [2, 1, 3, 5, 6]),
  startup(35, ['엑스알트레인', 'XRTrain'], ['XR 교육훈련', 'XR training'],
    ['정비·운용 교육용 가상훈련', 'Virtual training for maintenance and operation'], 'xrtrain', [7, 1, 3]),
  startup(36, ['로지봇', 'LogiBot'], ['자율 물류 로봇', 'Autonomous logistics robots'],
    ['공장 내 자율주행 운반 로봇', 'Autonomous transport robots for factories'], 'logibot', [9, 5, 10]),
  startup(37, ['파랑에너지', 'Parang Energy'], ['해양 에너지', 'Ocean energy'],
    ['부유식 해상풍력 계류 시스템', 'Mooring systems for floating offshore wind'], 'parang-energy', [6, 5, 2],
    { englishSpeakers: 1 }),
  startup(38, ['캐스트마인드', 'CastMind'], ['주조 공정 AI', 'Casting process AI'],
    ['주조 불량 예측과 공정 최적화', 'Predicting casting defects and tuning the process'], 'castmind', [10, 9, 2]),
  startup(39, ['스카이펜스', 'SkyFence'], ['안티드론', 'Counter-drone'],
    ['불법 드론 탐지·무력화', 'Detecting and stopping rogue drones'], 'skyfence', [8, 7, 4]),
  startup(40, ['나노실드', 'NanoShield'], ['나노소재', 'Nanomaterials'],
    ['전자파 차폐 나노 코팅', 'Nano-coatings for EMI shielding'], 'nanoshield', [8, 4, 3, 7]),
];

/** Requests the other side declined: [requester, requested]. */
export const DEMO_DECLINED: readonly (readonly [string, string])[] = [
  ['st-16', 'corp-07'],
  ['st-25', 'corp-04'],
  ['st-40', 'corp-07'],
  ['st-11', 'corp-10'],
  ['corp-08', 'st-33'],
];

/** Requests still waiting for an answer. */
export const DEMO_PENDING: readonly (readonly [string, string])[] = [
  ['st-06', 'corp-07'],
  ['st-17', 'corp-02'],
  ['st-34', 'corp-06'],
  ['st-39', 'corp-04'],
  ['st-13', 'corp-10'],
  ['corp-10', 'st-12'],
];

/** Accepted requests that must be held in one session, with the reason. */
export const DEMO_SESSIONS: readonly { pair: readonly [string, string]; session: 'am' | 'pm'; noteKo: string; noteEn: string }[] = [
  { pair: ['st-03', 'corp-04'], session: 'pm', noteKo: '위성사업부장 오후 참석', noteEn: 'Head of satellites joins in the afternoon' },
  { pair: ['st-21', 'corp-01'], session: 'am', noteKo: '오전 중 시연 장비 반입', noteEn: 'Demo equipment arrives in the morning' },
];

/** Who cannot meet when: an organization and the (date, session) pairs it is away. */
export const DEMO_AWAY: readonly { code: string; away: readonly { date: string; session?: 'am' | 'pm' }[] }[] = [
  // Keynote speaker at the opening ceremony.
  { code: 'corp-05', away: [{ date: '2025-05-28', session: 'am' }] },
  // Flies in from Toulouse on the 28th.
  {
    code: 'st-19',
    away: [{ date: '2025-05-28' }, { date: '2025-05-29', session: 'am' }],
  },
  // Exhibits at another fair on the second day.
  { code: 'st-35', away: [{ date: '2025-05-29' }] },
];

export const KOREAN_SURNAMES = [
  ['김', 'Kim'], ['이', 'Lee'], ['박', 'Park'], ['최', 'Choi'], ['정', 'Jung'], ['강', 'Kang'], ['조', 'Cho'],
  ['윤', 'Yoon'], ['장', 'Jang'], ['임', 'Lim'], ['한', 'Han'], ['오', 'Oh'], ['서', 'Seo'], ['신', 'Shin'],
  ['권', 'Kwon'], ['황', 'Hwang'], ['안', 'Ahn'], ['송', 'Song'], ['전', 'Jeon'], ['홍', 'Hong'],
] as const;

export const KOREAN_GIVEN_NAMES = [
  ['지훈', 'jihoon'], ['서연', 'seoyeon'], ['민준', 'minjun'], ['수빈', 'subin'], ['현우', 'hyunwoo'],
  ['지민', 'jimin'], ['도윤', 'doyun'], ['하은', 'haeun'], ['준호', 'junho'], ['예린', 'yerin'],
  ['성민', 'seongmin'], ['은지', 'eunji'], ['태양', 'taeyang'], ['유진', 'yujin'], ['동현', 'donghyun'],
  ['소희', 'sohee'], ['재원', 'jaewon'], ['다은', 'daeun'], ['우진', 'woojin'], ['미경', 'mikyung'],
  ['상훈', 'sanghoon'], ['혜진', 'hyejin'], ['영호', 'youngho'], ['나연', 'nayeon'],
] as const;

export const ENGLISH_NAMES = [
  'Daniel Harper', 'Sofia Marin', 'Lukas Weber', 'Priya Nair', 'Thomas Laurent', 'Emma Lindqvist',
  'Carlos Mendes', 'Hannah Fischer', 'Oliver Grant', 'Mei Tanaka',
] as const;

export const CORPORATE_TITLES = [
  ['오픈이노베이션팀 팀장', 'Head of Open Innovation'],
  ['기술전략실 책임연구원', 'Principal Engineer, Technology Strategy'],
  ['구매본부 매니저', 'Procurement Manager'],
] as const;

export const STARTUP_TITLES = [
  ['대표이사', 'CEO'],
  ['최고기술책임자', 'CTO'],
] as const;
