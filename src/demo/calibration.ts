/**
 * Calibration of the synthetic demo population (data only, no logic).
 *
 * Every parameter carries a `source`: the seed file in /work/shared/seeds it comes from, the Danish
 * phrase and the figure, or `assumption: …` with the reason where the seeds give no figure. The seeds
 * are thin on hard numbers: only the Copenhagen Center for Diabetes slides (001) give a real pathway
 * cohort (N 461 → 172 → 131) and effect table; the SUSY table (002) describes health and behaviour by
 * labour-market group, NOT participation rates; the participation figures (50 % drop-out, attendance
 * at most 50 %, 33 % / 55 % completion) come from projects for socially vulnerable groups (003) and
 * deprived housing areas (004). Everything else is an assumption, chosen to reproduce the direction
 * the seeds describe. docs/calibration.md lists the values next to the quotes.
 *
 * Conventions: probabilities are proportions 0–1; each Distribution sums to 1; funnel probabilities
 * are conditional on reaching the previous step; multipliers multiply a probability (clamp to 0–1)
 * and are 1 where not listed; social gradients are keyed on the citizen's TRUE education group, and
 * missingness is applied afterwards (so "unknown" emerges as the socially patterned group it is).
 */

// ---------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------

export type EducationLevel =
  | 'grundskole' | 'gymnasial' | 'erhvervsfaglig'
  | 'kort_videregaaende' | 'mellemlang_videregaaende' | 'lang_videregaaende';
/** low = grundskole; medium = gymnasial, erhvervsfaglig; high = videregående (domain.md). */
export type EducationGroup = 'low' | 'medium' | 'high';
export type MissingReason = 'unknown' | 'prefer_not_to_say';
export type LabourMarket =
  | 'employed' | 'student' | 'unemployed_benefit' | 'social_assistance' | 'sickness_benefit'
  | 'flex_job_resource' | 'disability_pension' | 'old_age_pension' | 'other';
export type OriginGroup = 'danish' | 'western' | 'non_western';
export type Sex = 'male' | 'female';
export type AgeBand = '18-39' | '40-49' | '50-59' | '60-69' | '70-79' | '80+';
export type DiagnosisGroup = 'type2_diabetes' | 'copd' | 'heart_disease' | 'musculoskeletal' | 'cancer';
/** Number of chronic disease groups; '4' means four or more. */
export type ChronicCount = '1' | '2' | '3' | '4';
export type AreaType = 'urban' | 'deprived_housing_area' | 'rural';
export type FunnelStep = 'reached' | 'clarified' | 'started' | 'completed' | 'followedUp';
export type TimePoint = 'baseline' | 'end' | 'followUp';

/** FSIII "Henvendelse/henvisning fra" displays, exactly as in src/terminology/fsiii-119.json. */
export type ReferralSourceDisplay =
  | 'Hjemmeplejen' | 'Anden kommune' | 'Egen læge/vagtlæge' | 'Sygehus - akutmodtagelse'
  | 'Sygehus - kirurgisk' | 'Speciallæge' | 'Træning' | 'Sagsbehandler, anden forvaltning'
  | 'Sygehus - medicinsk' | 'Hjemmesygeplejen' | 'Sygehus - psykiatrisk'
  | 'Sundhedsfremme og forebyggelse' | 'Pårørende' | 'Borger' | 'Andre';

/** KL cancellation reasons (valueSets.cancellationReasons), by display text. */
export type CancellationReasonDisplay =
  | 'Hændelse medfører ophør'
  | 'Ikke yderligere behov (borger-vurderet)'
  | 'Ikke yderligere behov (fagperson-vurderet)'
  | 'Borger har ikke henvendt sig eller er udeblevet'
  | 'Aktivt fravalg'
  | 'Aktivt fravalg pga. logistik ifm. transport'
  | 'Aktivt fravalg pga. anden træning'
  | 'Aktivt fravalg pga. anden sygdom'
  | 'Aktivt fravalg pga. økonomi ifm. transport';

export type Distribution<K extends string> = Readonly<Record<K, number>>;
export type StepProbabilities = Readonly<Record<FunnelStep, number>>;
export type StepMultipliers = Readonly<Partial<Record<FunnelStep, number>>>;
/** Days as a log-normal: median and the SD of ln(days). p90 ≈ median · e^(1.2816·sigmaLog). */
export interface LogNormalDays { readonly medianDays: number; readonly sigmaLog: number }
export interface MeanSd { readonly mean: number; readonly sd: number }
export interface Sourced { readonly source: string }

/**
 * A continuous measure: baseline by group, then change to end and to follow-up.
 * Change for a person = change.mean × effectMultiplierByEducation (end), and at follow-up the end
 * change × retainedAtFollowUpByEducation plus noise with the follow-up SD.
 */
export interface MeasureCalibration extends Sourced {
  readonly unit: string;
  readonly range: readonly [number, number];
  readonly baseline: MeanSd;
  readonly changeToEnd: MeanSd;
  readonly changeToFollowUp: MeanSd;
}

// ---------------------------------------------------------------------------------------------------
// The seeds
// ---------------------------------------------------------------------------------------------------

export const seedFiles = {
  '000_fab378e5a2f25143.txt': 'KL 2024: Social ulighed i forebyggelsestilbud til mennesker med kronisk sygdom – Hvad kan kommunen gøre?',
  '001_b305d0ec6a0aa12b.txt': 'KL temadag 2021: rekruttering og gennemførelse for sårbare borgere; Center for Diabetes, Københavns Kommune',
  '002_df2b580334a053be.txt': 'Sundhedsstyrelsen 2009: Lighed i sundhed (SUSY 2005, tabel 1 og 2)',
  '003_2bb63ac5d1695a00.txt': 'Statusrapport 2012: 17 satspuljeprojekter for socialt udsatte og sårbare grupper',
  '004_0fb125e2a2d4d045.txt': 'Sundhedsstyrelsen: Forebyggelse i nærmiljøet (12 kommuner, boligområder)',
} as const;

// ---------------------------------------------------------------------------------------------------
// Who is referred
// ---------------------------------------------------------------------------------------------------

/** Suggested order in which a generator samples a citizen, so the conditionals below line up. */
export const samplingOrder = {
  steps: ['areaType', 'origin', 'education (true)', 'ageBand', 'sex (after diagnosis)', 'diagnosis + chronicCount', 'labourMarket', 'livingAlone', 'socialHousing', 'referralSource', 'mask education/labour market (missingness)'],
  source: 'assumption: ordering chosen so that each conditional table below is conditioned only on already-sampled values',
} as const;

export const educationCalibration = {
  /** True highest completed education among citizens referred with chronic disease (Danish origin and western). */
  trueDistribution: {
    grundskole: 0.36, gymnasial: 0.04, erhvervsfaglig: 0.37,
    kort_videregaaende: 0.05, mellemlang_videregaaende: 0.13, lang_videregaaende: 0.05,
  },
  /** Non-western immigrants/descendants: more with grundskole only. */
  trueDistributionNonWestern: {
    grundskole: 0.5, gymnasial: 0.06, erhvervsfaglig: 0.2,
    kort_videregaaende: 0.05, mellemlang_videregaaende: 0.12, lang_videregaaende: 0.07,
  },
  groupOf: {
    grundskole: 'low', gymnasial: 'medium', erhvervsfaglig: 'medium',
    kort_videregaaende: 'high', mellemlang_videregaaende: 'high', lang_videregaaende: 'high',
  },
  /** P(education not recorded | true group): missingness is socially patterned (domain.md). Overall ≈ 10 %. */
  missingProbabilityByGroup: { low: 0.15, medium: 0.08, high: 0.04 },
  /** Multiplier on the above for non-western origin (foreign education often not registered). */
  missingMultiplierNonWestern: 2,
  missingReasonSplit: { unknown: 0.6, prefer_not_to_say: 0.4 },
  source:
    'low share: 003_2bb63ac5d1695a00.txt (Hjerteforeningen, ressourcesvage hjertepatienter): "43 % af gratismedlemmerne har højst 10 års skolegang" → upper anchor 0.43, so 0.36 for all referred; ' +
    '000_fab378e5a2f25143.txt: "Sygdommene rammer oftere mennesker med ingen eller kort uddannelse" (pushes low up) but 002_df2b580334a053be.txt: "generelle sundhedsfremmende indsatser især benyttes af bedre stillede borgere" (pushes low down among referred). ' +
    'Split into six levels, the non-western distribution, the missingness and the 60/40 unknown/prefer-not-to-say split: assumption (no seed figure); missingness higher for low education per domain.md "missingness is itself socially patterned".',
} as const satisfies Sourced & {
  trueDistribution: Distribution<EducationLevel>;
  trueDistributionNonWestern: Distribution<EducationLevel>;
  groupOf: Readonly<Record<EducationLevel, EducationGroup>>;
  missingProbabilityByGroup: Distribution<EducationGroup>;
  missingMultiplierNonWestern: number;
  missingReasonSplit: Distribution<MissingReason>;
};

export const ageCalibration = {
  distribution: { '18-39': 0.05, '40-49': 0.1, '50-59': 0.22, '60-69': 0.31, '70-79': 0.25, '80+': 0.07 },
  /** Age at which labour-market attachment switches to the 67+ table (folkepensionsalder). */
  pensionAge: 67,
  source:
    'assumption: no age figure in the seeds; peak 60–79 as for type 2 diabetes/KOL/hjertesygdom. 003_2bb63ac5d1695a00.txt (Komiteen for Sundhedsoplysning) targets "borgere i alderen 18-65 år" for the labour-market course, so under-67s are kept at ~60 %.',
} as const satisfies Sourced & { distribution: Distribution<AgeBand>; pensionAge: number };

export const originCalibration = {
  /** Outside the deprived housing area (which uses areaCalibration.deprivedAreaProfile); overall non-western ≈ 0.14. */
  distribution: { danish: 0.88, western: 0.03, non_western: 0.09 },
  /** Share of descendants (efterkommere) among immigrants+descendants; referred adults are mostly immigrants. */
  descendantShare: { western: 0.1, non_western: 0.08 },
  interpreterNeeded: { danish: 0, western: 0.05, non_western: 0.3 },
  source:
    'assumption for the municipal mix (no overall figure in the seeds); non-western over-represented because type 2 diabetes is: 001_b305d0ec6a0aa12b.txt lists "Borgere med ikke-vestlig baggrund" as a focus, and 000_fab378e5a2f25143.txt (Aarhus, Gellerup) "91 pct. af brugerne er fra et ikke-vestligt oprindelsesland" (used only for the deprived-area profile below). ' +
    'Interpreter: 003_2bb63ac5d1695a00.txt (Vallensbæk) "indhentning af tolk som følge af stor deltagelse af personer med anden etnisk baggrund end dansk" – share 0.3 is an assumption.',
} as const satisfies Sourced & {
  distribution: Distribution<OriginGroup>;
  descendantShare: Readonly<Record<'western' | 'non_western', number>>;
  interpreterNeeded: Distribution<OriginGroup>;
};

export const areaCalibration = {
  distribution: { urban: 0.64, deprived_housing_area: 0.06, rural: 0.3 },
  /** Overrides for citizens living in the deprived housing area (a Gellerup-like district). */
  deprivedAreaProfile: {
    nonWesternShare: 0.91,
    /** Share on disability pension among ALL referred there; apply as P(disability | under 67) = 0.56 (≈80 % under 67 there, assumption). */
    disabilityPensionShare: 0.45,
    disabilityPensionShareUnder67: 0.56,
    type2DiabetesShare: 0.48,
    socialHousingShare: 0.95,
  },
  source:
    'deprived area: 000_fab378e5a2f25143.txt (Aarhus, Globus 1 i Gellerupparken) "I 2022 har sundhedshuset opstartet 348 forløb … Næsten halvdelen er diabetesforløb. 91 pct. af brugerne er fra et ikke-vestligt oprindelsesland, 45 pct. er førtidspensionister" → 0.91, 0.45, 0.48. ' +
    'Rural: 000_fab378e5a2f25143.txt (Aalborg) "Mobil Rehabilitering til borgere med hjertekar-sygdom, type 2-diabetes og KOL, som bor i kommunens landdistrikter". Area shares 0.64/0.06/0.30 (kept small so the 0.91 district does not dominate: overall non-western ≈ 0.14) and social housing 0.95 in the deprived area: assumption.',
} as const satisfies Sourced & { distribution: Distribution<AreaType>; deprivedAreaProfile: Readonly<Record<string, number>> };

export const labourMarketCalibration = {
  /** Under pension age, by true education group. */
  under67ByEducation: {
    low: { employed: 0.3, student: 0, unemployed_benefit: 0.06, social_assistance: 0.12, sickness_benefit: 0.09, flex_job_resource: 0.09, disability_pension: 0.26, old_age_pension: 0.04, other: 0.04 },
    medium: { employed: 0.52, student: 0.01, unemployed_benefit: 0.05, social_assistance: 0.05, sickness_benefit: 0.08, flex_job_resource: 0.08, disability_pension: 0.13, old_age_pension: 0.05, other: 0.03 },
    high: { employed: 0.68, student: 0.01, unemployed_benefit: 0.04, social_assistance: 0.02, sickness_benefit: 0.07, flex_job_resource: 0.05, disability_pension: 0.06, old_age_pension: 0.05, other: 0.02 },
  },
  /** From pension age (old_age_pension includes efterløn below 67 above). */
  age67Plus: { employed: 0.08, student: 0, unemployed_benefit: 0, social_assistance: 0, sickness_benefit: 0, flex_job_resource: 0, disability_pension: 0, old_age_pension: 0.91, other: 0.01 },
  missingProbability: 0.03,
  source:
    '003_2bb63ac5d1695a00.txt (Hjerteforeningen, ressourcesvage hjertepatienter) "45 % er i arbejde efter sygdommen" → employed ≈ 0.48 of under-67s here; ' +
    '000_fab378e5a2f25143.txt (Gellerup) "45 pct. er førtidspensionister" is the deprived-area extreme (see areaCalibration); ' +
    '002_df2b580334a053be.txt (SUSY 2005, tabel 1) "Har en langvarig sygdom (%) 91 77 56 38" (førtidspensionister, kontanthjælpsmodtagere, arbejdsløse m. kort uddannelse, generelle befolkning) → disability pension and social assistance over-represented among the chronically ill, most for low education. ' +
    'The exact cells and 3 % missing: assumption.',
} as const satisfies Sourced & {
  under67ByEducation: Readonly<Record<EducationGroup, Distribution<LabourMarket>>>;
  age67Plus: Distribution<LabourMarket>;
  missingProbability: number;
};

export const livingAloneCalibration = {
  probabilityByEducation: { low: 0.4, medium: 0.31, high: 0.26 },
  nonWesternProbability: 0.18,
  disabilityPensionMultiplier: 1.2,
  source:
    '003_2bb63ac5d1695a00.txt (Hjerteforeningen) "33 % bor alene" → weighted mean 0.33; gradient from 002_df2b580334a053be.txt (SUSY, tabel 2) "Er ofte eller en gang imellem uønsket alene 10 3" (førtidspensionister vs generelle voksne befolkning) → disability ×1.2. Education split and non-western 0.18: assumption.',
} as const satisfies Sourced & { probabilityByEducation: Distribution<EducationGroup>; nonWesternProbability: number; disabilityPensionMultiplier: number };

export const socialHousingCalibration = {
  probabilityByEducation: { low: 0.42, medium: 0.27, high: 0.13 },
  nonWesternProbability: 0.65,
  ruralProbability: 0.1,
  /** deprived_housing_area uses areaCalibration.deprivedAreaProfile.socialHousingShare. Precedence: area > origin > education. */
  source:
    '000_fab378e5a2f25143.txt "cirka dobbelt så mange beboere i almene boliger lider af diabetes og KOL, i forhold til resten af befolkningen" → with ~1 in 5 Danes in almene boliger (assumption) a doubled prevalence gives ≈ 0.30 among the referred (weighted mean of the education split = 0.30). Gradient by education, non-western 0.65 and rural 0.10: assumption.',
} as const satisfies Sourced & { probabilityByEducation: Distribution<EducationGroup>; nonWesternProbability: number; ruralProbability: number };

export const diagnosisCalibration = {
  /** Main diagnosis of the referral, by true education group. */
  mainByEducation: {
    low: { type2_diabetes: 0.4, copd: 0.22, heart_disease: 0.18, musculoskeletal: 0.13, cancer: 0.07 },
    medium: { type2_diabetes: 0.38, copd: 0.15, heart_disease: 0.21, musculoskeletal: 0.16, cancer: 0.1 },
    high: { type2_diabetes: 0.33, copd: 0.08, heart_disease: 0.22, musculoskeletal: 0.2, cancer: 0.17 },
  },
  mainNonWestern: { type2_diabetes: 0.58, copd: 0.06, heart_disease: 0.14, musculoskeletal: 0.17, cancer: 0.05 },
  chronicCountByEducation: {
    low: { '1': 0.45, '2': 0.33, '3': 0.15, '4': 0.07 },
    medium: { '1': 0.56, '2': 0.29, '3': 0.11, '4': 0.04 },
    high: { '1': 0.66, '2': 0.24, '3': 0.08, '4': 0.02 },
  },
  source:
    'mix: 001_b305d0ec6a0aa12b.txt "over 97 pct. [af kommunerne] har forebyggelsestilbud til … hjerte-kar, KOL, diabetes og kræft" and "muskel-skelet-lidelser ses hos godt 80 pct."; Center for Diabetes: "tilbud til borgere med type 2 diabetes og hjertesygdom"; 000_fab378e5a2f25143.txt (Gellerup) "Næsten halvdelen er diabetesforløb" → type 2 diabetes the largest group (≈0.38). ' +
    'COPD gradient: 002_df2b580334a053be.txt (SUSY) "Ryger dagligt (%) 54 57 56 31". Multimorbidity gradient: 000_fab378e5a2f25143.txt "Der er også en større andel af mennesker som har to eller flere samtidige kroniske sygdomme" (short education); 003_2bb63ac5d1695a00.txt (Livsstilscaféen) targets "sårbare mennesker med 2-3 kroniske sygdomme". Cell values: assumption.',
} as const satisfies Sourced & {
  mainByEducation: Readonly<Record<EducationGroup, Distribution<DiagnosisGroup>>>;
  mainNonWestern: Distribution<DiagnosisGroup>;
  chronicCountByEducation: Readonly<Record<EducationGroup, Distribution<ChronicCount>>>;
};

export const sexCalibration = {
  maleShareByDiagnosis: { type2_diabetes: 0.56, copd: 0.45, heart_disease: 0.64, musculoskeletal: 0.36, cancer: 0.42 },
  source: 'assumption: the seeds give no sex split of referrals; usual clinical sex ratios per diagnosis, overall ≈ 0.51 male.',
} as const satisfies Sourced & { maleShareByDiagnosis: Distribution<DiagnosisGroup> };

export const vulnerabilityCalibration = {
  /** Target shares after stratification in the clarifying conversation (sårbar excludes udsat). */
  shares: { vulnerable: 0.18, marginalised: 0.035 },
  source:
    '000_fab378e5a2f25143.txt "I udsatte positioner – de 2-5 pct. I sårbare positioner – de 15-20 pct."; 001_b305d0ec6a0aa12b.txt "De socialt udsatte – de 2-5%", "De sårbare med færre ressource – de 15-20%" → midpoints 0.035 and 0.18 (how staff stratify is left to the generator).',
} as const satisfies Sourced & { shares: Readonly<Record<'vulnerable' | 'marginalised', number>> };

export const referralSourceCalibration = {
  base: {
    'Egen læge/vagtlæge': 0.58, 'Sygehus - medicinsk': 0.16, 'Sygehus - kirurgisk': 0.03, 'Sygehus - akutmodtagelse': 0.01,
    'Sygehus - psykiatrisk': 0.01, 'Speciallæge': 0.02, 'Borger': 0.07, 'Sagsbehandler, anden forvaltning': 0.04,
    'Hjemmesygeplejen': 0.02, 'Hjemmeplejen': 0.01, 'Træning': 0.01, 'Sundhedsfremme og forebyggelse': 0.02,
    'Pårørende': 0.005, 'Anden kommune': 0.005, 'Andre': 0.01,
  },
  /** Multiply the 'Borger' weight, then renormalise. */
  selfReferralMultiplierByEducation: { low: 0.6, medium: 1, high: 1.7 },
  /** Multiply the 'Sagsbehandler, anden forvaltning' weight (jobcentre, social services), then renormalise. */
  caseworkerMultiplierByLabourMarket: { social_assistance: 6, sickness_benefit: 5, flex_job_resource: 4, unemployed_benefit: 3, disability_pension: 1.5 },
  source:
    'GP dominant: 001_b305d0ec6a0aa12b.txt (Center for Diabetes) "Henvisning via egen læge eller hospital"; 000_fab378e5a2f25143.txt (Aarhus) "starter med en henvisning fra egen læge, sagsbehandler eller ved eget fremmøde"; hospital: 000_fab378e5a2f25143.txt (Vejle) "208 henvisninger fra sygehuset … i snit kommet 30 henvisninger pr. måned"; ' +
    '003_2bb63ac5d1695a00.txt (Livsstilscaféen) "ca. 80 % fra somatikken, 20 % fra psykiatrien" (a hospital-based project, so psychiatry kept small here); jobcentre: 003_2bb63ac5d1695a00.txt (Vallensbæk) "Sagsbehandlere i Jobcenteret udvælger borgere"; self-referral gradient: 002_df2b580334a053be.txt "bedre stillede borgere er bedre til at udnytte de sundhedsfremmetilbud". Weights: assumption.',
} as const satisfies Sourced & {
  base: Distribution<ReferralSourceDisplay>;
  selfReferralMultiplierByEducation: Distribution<EducationGroup>;
  caseworkerMultiplierByLabourMarket: Readonly<Partial<Record<LabourMarket, number>>>;
};

// ---------------------------------------------------------------------------------------------------
// The pathway funnel
// ---------------------------------------------------------------------------------------------------

export const funnelCalibration = {
  /** Conditional on the previous step: referred → reached → clarifying conversation → started → completed → followed up. */
  byEducation: {
    low: { reached: 0.86, clarified: 0.75, started: 0.8, completed: 0.66, followedUp: 0.72 },
    medium: { reached: 0.92, clarified: 0.85, started: 0.88, completed: 0.77, followedUp: 0.83 },
    high: { reached: 0.95, clarified: 0.9, started: 0.92, completed: 0.84, followedUp: 0.89 },
  },
  byEducationSource:
    '001_b305d0ec6a0aa12b.txt (Center for Diabetes) "N = 131N = 461 N = 172" = opstart 461, afslutning 172, opfølgning 6 mdr. 131 → followed up / measured at end = 131/172 = 0.76 (simulated with all multipliers: 0.76); ' +
    '003_2bb63ac5d1695a00.txt "et frafald på 50 % er ikke noget særsyn" (projects for the most vulnerable) → low education × social assistance completes ≈ 0.50 once all multipliers apply (simulated 0.50); ' +
    '004_0fb125e2a2d4d045.txt (Silkeborg) "fik kontakt til 150 beboere … Ca. 100 var villige til at deltage" → 0.67 ≈ low reached × clarified (0.86 × 0.75 = 0.65); ' +
    '000_fab378e5a2f25143.txt (Vejle) "de fleste takker ja … en del takker også nej" and "Forskning viser, at udfordringerne rammer socialt skævt" → gradient at every step. Cell values: assumption fitted to these anchors.',
  labourMarketMultipliers: {
    employed: { reached: 0.97, clarified: 0.97, started: 0.97, completed: 0.95, followedUp: 0.95 },
    student: {},
    unemployed_benefit: { reached: 0.97, clarified: 0.97, started: 0.97, completed: 0.92, followedUp: 0.95 },
    social_assistance: { reached: 0.97, clarified: 0.97, started: 0.95, completed: 0.83, followedUp: 0.85 },
    sickness_benefit: { reached: 0.97, clarified: 0.95, started: 0.93, completed: 0.88, followedUp: 0.9 },
    flex_job_resource: { reached: 0.97, clarified: 0.95, started: 0.95, completed: 0.9, followedUp: 0.92 },
    disability_pension: { reached: 0.98, clarified: 0.95, started: 0.95, completed: 0.88, followedUp: 0.9 },
    old_age_pension: { completed: 0.97 },
    other: { reached: 0.95, clarified: 0.95, started: 0.95, completed: 0.92, followedUp: 0.92 },
  },
  labourMarketSource:
    '003_2bb63ac5d1695a00.txt (Vallensbæk, kontanthjælpsmodtagere) "120 borgere er visiteret. 33 % har gennemført med fuld deltagelse" and "55 % af de borgere, som får tilbud i Sundhedsskolerne, gennemfører dem" → social assistance started→completed ≈ 0.50–0.60 (check below), "flere rekrutterede borgere aldrig mødte op"; ' +
    '003_2bb63ac5d1695a00.txt (Nørrebro) "dårlig økonomi, svagt socialt netværk og manglende tilknytning til arbejdsmarkedet … har medført til udeblivelse og frafald"; (Gladsaxe) "Stort frafald … såsom sygdom og arbejde" → employed and ill groups complete less; ' +
    '002_df2b580334a053be.txt (SUSY 2005) "Har været begrænset i daglige gøremål pga. sygdom … 39 35 18 13" → disability pension most limited. Values: assumption.',
  originMultipliers: {
    danish: {},
    western: { reached: 0.98, clarified: 0.98, started: 0.98, completed: 0.97, followedUp: 0.97 },
    non_western: { reached: 0.93, clarified: 0.92, started: 0.95, completed: 0.92, followedUp: 0.88 },
  },
  /** Non-western citizens offered a language-adapted team (CUSTOM-like) use these instead of originMultipliers.non_western. */
  nonWesternLanguageAdaptedMultipliers: { reached: 0.95, clarified: 0.97, started: 1, completed: 1, followedUp: 0.95 },
  originSource:
    '000_fab378e5a2f25143.txt (CUSTOM, København) "Afprøvningen af CUSTOM viser en høj grad af deltagelse og tilfredshed" → no penalty when the offer is language-adapted; 001_b305d0ec6a0aa12b.txt names "Borgere med ikke-vestlig baggrund" as where Center for Diabetes still must improve; 003_2bb63ac5d1695a00.txt (Nørrebro) "Kulturelle barrierer kan vanskeliggøre undervisningen". Values: assumption.',
  livingAloneMultipliers: { completed: 0.94, followedUp: 0.92 },
  maleMultipliers: { clarified: 0.95 },
  ruralMultipliers: { started: 0.95, completed: 0.95 },
  /** Citizens whose baseline WHO-5 < 50. */
  lowWho5Multipliers: { completed: 0.92 },
  otherMultipliersSource:
    'living alone: 003_2bb63ac5d1695a00.txt (Nørrebro) "svagt socialt netværk" → udeblivelse og frafald; men: 004_0fb125e2a2d4d045.txt (Thyholm) "godt en tredjedel af de rekrutterede borgere er mænd … hvor svært det kan være at få mænd til at engagere sig i egen sundhed"; ' +
    'rural: 003_2bb63ac5d1695a00.txt "Hvis målgruppen skal transportere sig langt, er der tendens til frafald" (none when the offer is mobile: 000_fab378e5a2f25143.txt "Borgerne fra landdistrikter opnår samme resultater"); low WHO-5: 004_0fb125e2a2d4d045.txt (Silkeborg) "personer, der har højest score i trivselsindekset fra start, generelt vil klare sig bedre i forløbet og fastholde træningen". Values: assumption.',
  /** Start probability × factor for every full 14 days the planned start lies beyond 28 days after referral. */
  waitingPenalty: { freeDays: 28, perDays: 14, startedFactor: 0.97 },
  waitingPenaltySource:
    '003_2bb63ac5d1695a00.txt "En erfaring er endvidere, at holdopstarten ikke må være for lang tid efter henvisning"; 004_0fb125e2a2d4d045.txt (Langeland) "frem for at vente til der var nok tilmeldte til at oprette et hold. For så når de første at falde fra inden start". Size: assumption.',
  /** Checks a generator test can assert on the simulated population (tolerance ± 0.05 unless stated). */
  checks: [
    { what: 'followedUp / completed, all', target: 0.76, source: '001_b305d0ec6a0aa12b.txt "N = 131 … N = 172" → 131/172' },
    { what: 'completed / started, low education × social assistance', target: 0.5, source: '003_2bb63ac5d1695a00.txt "et frafald på 50 % er ikke noget særsyn"' },
    { what: 'completed / started, social assistance (all education)', target: 0.55, source: '003_2bb63ac5d1695a00.txt (Vallensbæk) "55 % af de borgere, som får tilbud i Sundhedsskolerne, gennemfører dem"' },
    { what: 'completed / referred, social assistance (all education), tolerance ± 0.08', target: 0.3, source: '003_2bb63ac5d1695a00.txt (Vallensbæk) "120 borgere er visiteret. 33 % har gennemført med fuld deltagelse" (their jobcentre referral had an obligatory element; simulated ≈ 0.26)' },
    { what: 'ended with HbA1c measured / started, type 2 diabetes', target: 0.37, source: '001_b305d0ec6a0aa12b.txt "N = 461 … N = 172" → 172/461 (see measurementCalibration)' },
    { what: 'completed / started ratio low vs high education (RII-like gap), direction only', target: 0.75, source: '000_fab378e5a2f25143.txt "en større andel af mennesker med få sociale og økonomiske ressourcer, der ikke deltager og profiterer"' },
  ],
} as const satisfies {
  byEducation: Readonly<Record<EducationGroup, StepProbabilities>>;
  byEducationSource: string;
  labourMarketMultipliers: Readonly<Record<LabourMarket, StepMultipliers>>;
  labourMarketSource: string;
  originMultipliers: Readonly<Record<OriginGroup, StepMultipliers>>;
  nonWesternLanguageAdaptedMultipliers: StepMultipliers;
  originSource: string;
  livingAloneMultipliers: StepMultipliers;
  maleMultipliers: StepMultipliers;
  ruralMultipliers: StepMultipliers;
  lowWho5Multipliers: StepMultipliers;
  otherMultipliersSource: string;
  waitingPenalty: Readonly<{ freeDays: number; perDays: number; startedFactor: number }>;
  waitingPenaltySource: string;
  checks: readonly Readonly<{ what: string; target: number; source: string }>[];
};

export const contactCalibration = {
  /** Phone attempts, then a letter (the last attempt). Only used for citizens the funnel marks as reached. */
  maxAttempts: 4,
  channelByAttempt: ['phone', 'phone', 'phone', 'letter'],
  /** P(reached on a given attempt | reached eventually), geometric, truncated at maxAttempts. */
  perAttemptSuccessByEducation: { low: 0.5, medium: 0.65, high: 0.75 },
  daysBetweenAttempts: { medianDays: 2, sigmaLog: 0.5 },
  source:
    '000_fab378e5a2f25143.txt (Sundhedsklynge Lillebælt) "kontaktes borgeren telefonisk … Opråds der ikke kontakt telefonisk, sendes brev"; 001_b305d0ec6a0aa12b.txt "”Havde de ikke ringet, var jeg ikke kommet” (borger)"; 004_0fb125e2a2d4d045.txt (Langeland) 146 tilmeldte 2011–2014, "Heraf blev 80 af dem rekrutteret ved, at kommunen ringede til dem personligt". Attempt counts and gradient: assumption.',
} as const satisfies Sourced & {
  maxAttempts: number;
  channelByAttempt: readonly ('phone' | 'letter')[];
  perAttemptSuccessByEducation: Distribution<EducationGroup>;
  daysBetweenAttempts: LogNormalDays;
};

export const attendanceCalibration = {
  sessionsPlanned: { standardTeam: 8, languageAdaptedTeam: 6 },
  /** P(attends a given session | still in the course), by true education group. */
  perSessionByEducation: { low: 0.78, medium: 0.85, high: 0.9 },
  labourMarketMultiplier: { social_assistance: 0.7, sickness_benefit: 0.9, disability_pension: 0.9 },
  /** Among those who drop out after starting: share whose last attended session is 1, 2, … 8. */
  dropoutAfterSessionShare: [0.22, 0.18, 0.15, 0.12, 0.11, 0.09, 0.08, 0.05],
  source:
    'sessions: 000_fab378e5a2f25143.txt (Aalborg) "Borgeren tilbydes et 8 ugers forløb"; (CUSTOM) "gruppeforløb med seks undervisningsmoduler". Attendance: 003_2bb63ac5d1695a00.txt (Vallensbæk) "Trods fuld besætning af sundhedstjek og sundhedsskoler lå fremmødet på max 50 %, hvorfor det var nødvendigt at overbooke holdene" → low × social assistance 0.78 × 0.7 ≈ 0.55 per session before no-shows, ≤ 0.5 overall. Other values and early-drop-out shape: assumption.',
} as const satisfies Sourced & {
  sessionsPlanned: Readonly<{ standardTeam: number; languageAdaptedTeam: number }>;
  perSessionByEducation: Distribution<EducationGroup>;
  labourMarketMultiplier: Readonly<Partial<Record<LabourMarket, number>>>;
  dropoutAfterSessionShare: readonly number[];
};

// ---------------------------------------------------------------------------------------------------
// Why people leave (KL cancellation reasons, by display text)
// ---------------------------------------------------------------------------------------------------

export const dropoutReasonCalibration = {
  /** Reason recorded on a pathway stopped after the citizen started. */
  afterStartByEducation: {
    low: {
      'Borger har ikke henvendt sig eller er udeblevet': 0.3, 'Aktivt fravalg': 0.14, 'Aktivt fravalg pga. anden sygdom': 0.22,
      'Aktivt fravalg pga. økonomi ifm. transport': 0.08, 'Aktivt fravalg pga. logistik ifm. transport': 0.09, 'Aktivt fravalg pga. anden træning': 0.01,
      'Ikke yderligere behov (borger-vurderet)': 0.04, 'Ikke yderligere behov (fagperson-vurderet)': 0.03, 'Hændelse medfører ophør': 0.09,
    },
    medium: {
      'Borger har ikke henvendt sig eller er udeblevet': 0.2, 'Aktivt fravalg': 0.18, 'Aktivt fravalg pga. anden sygdom': 0.2,
      'Aktivt fravalg pga. økonomi ifm. transport': 0.04, 'Aktivt fravalg pga. logistik ifm. transport': 0.08, 'Aktivt fravalg pga. anden træning': 0.05,
      'Ikke yderligere behov (borger-vurderet)': 0.09, 'Ikke yderligere behov (fagperson-vurderet)': 0.05, 'Hændelse medfører ophør': 0.11,
    },
    high: {
      'Borger har ikke henvendt sig eller er udeblevet': 0.11, 'Aktivt fravalg': 0.2, 'Aktivt fravalg pga. anden sygdom': 0.17,
      'Aktivt fravalg pga. økonomi ifm. transport': 0.01, 'Aktivt fravalg pga. logistik ifm. transport': 0.06, 'Aktivt fravalg pga. anden træning': 0.12,
      'Ikke yderligere behov (borger-vurderet)': 0.16, 'Ikke yderligere behov (fagperson-vurderet)': 0.06, 'Hændelse medfører ophør': 0.11,
    },
  },
  /** Multiply these reason weights for the group, then renormalise. */
  multipliers: {
    rural: { 'Aktivt fravalg pga. logistik ifm. transport': 2, 'Aktivt fravalg pga. økonomi ifm. transport': 1.3 },
    social_assistance: { 'Borger har ikke henvendt sig eller er udeblevet': 1.4, 'Aktivt fravalg pga. økonomi ifm. transport': 2 },
    disability_pension: { 'Aktivt fravalg pga. anden sygdom': 1.4 },
    employed: { 'Aktivt fravalg': 1.5 },
    livingAlone: { 'Borger har ikke henvendt sig eller er udeblevet': 1.2 },
  },
  /** Reason when the referral closes before start. */
  beforeStart: {
    notReached: { 'Borger har ikke henvendt sig eller er udeblevet': 1 },
    reachedNoClarifyingConversation: {
      'Aktivt fravalg': 0.55, 'Borger har ikke henvendt sig eller er udeblevet': 0.25,
      'Aktivt fravalg pga. anden sygdom': 0.1, 'Ikke yderligere behov (borger-vurderet)': 0.1,
    },
    clarifiedNotStarted: {
      'Aktivt fravalg': 0.25, 'Borger har ikke henvendt sig eller er udeblevet': 0.25, 'Ikke yderligere behov (fagperson-vurderet)': 0.15,
      'Aktivt fravalg pga. logistik ifm. transport': 0.1, 'Aktivt fravalg pga. anden sygdom': 0.1, 'Aktivt fravalg pga. økonomi ifm. transport': 0.05,
      'Aktivt fravalg pga. anden træning': 0.05, 'Hændelse medfører ophør': 0.05,
    },
  },
  source:
    '003_2bb63ac5d1695a00.txt "praktiske/logistiske udfordringer kan være en årsag, men også målgruppens sygdom, arbejde, manglende økonomiske ressourcer" → transport logistics, other illness, active opt-out (work), transport cost; (Vallensbæk) "flere rekrutterede borgere aldrig mødte op" and (Nørrebro) "udeblivelse og frafald" → "Borger har ikke henvendt sig eller er udeblevet" largest for low education; ' +
    '000_fab378e5a2f25143.txt (FSIII) "hvem der evt. afslutter før tid og hvorfor - fx grundet manglende motivation, tilstødende sygdom eller økonomiske udfordringer"; rural: 003_2bb63ac5d1695a00.txt (Vallensbæk) "Afstand til tilbuddene". ' +
    '"anden træning" and "ikke yderligere behov (borger-vurderet)" higher for high education: assumption (the more resourceful have alternatives, cf. 002_df2b580334a053be.txt "bedre stillede borgere er bedre til at udnytte de sundhedsfremmetilbud"). All cell values: assumption.',
} as const satisfies Sourced & {
  afterStartByEducation: Readonly<Record<EducationGroup, Distribution<CancellationReasonDisplay>>>;
  multipliers: Readonly<Record<'rural' | 'social_assistance' | 'disability_pension' | 'employed' | 'livingAlone', Readonly<Partial<Record<CancellationReasonDisplay, number>>>>>;
  beforeStart: Readonly<Record<'notReached' | 'reachedNoClarifyingConversation' | 'clarifiedNotStarted', Readonly<Partial<Record<CancellationReasonDisplay, number>>>>>;
};

// ---------------------------------------------------------------------------------------------------
// Time along the pathway
// ---------------------------------------------------------------------------------------------------

export const timingCalibration = {
  /** Days from referral received; log-normal. */
  referralToFirstContact: { medianDays: 4, sigmaLog: 0.7 },
  referralToClarifyingConversation: { medianDays: 14, sigmaLog: 0.5 },
  referralToStart: { medianDays: 35, sigmaLog: 0.45 },
  /** Multiply the medians (they compound). */
  medianMultipliers: {
    education: { low: 1.25, medium: 1, high: 0.9 },
    nonWestern: 1.3,
    interpreterNeeded: 1.15,
    rural: 1.15,
    socialAssistance: 1.2,
  },
  courseWeeks: 8,
  /** Follow-up conversation after the end of the course. */
  endToFollowUp: { medianDays: 183, sigmaLog: 0.1 },
  source:
    'no day counts in the seeds. Direction: 003_2bb63ac5d1695a00.txt "holdopstarten ikke må være for lang tid efter henvisning"; 004_0fb125e2a2d4d045.txt (Aalborg Øst) "kort responstid vigtig. Når folk er motiveret, skal man være klar til at handle"; vulnerable groups need more contact attempts (contactCalibration) and interpreters (003_2bb63ac5d1695a00.txt "indhentning af tolk"). ' +
    'Course length 000_fab378e5a2f25143.txt "8 ugers forløb"; follow-up 001_b305d0ec6a0aa12b.txt "Opfølgning - 6 mdr. efter afslutning af forløb". Medians, spreads and multipliers: assumption.',
} as const satisfies Sourced & {
  referralToFirstContact: LogNormalDays;
  referralToClarifyingConversation: LogNormalDays;
  referralToStart: LogNormalDays;
  medianMultipliers: Readonly<{ education: Distribution<EducationGroup>; nonWestern: number; interpreterNeeded: number; rural: number; socialAssistance: number }>;
  courseWeeks: number;
  endToFollowUp: LogNormalDays;
};

// ---------------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------------

export const hba1cCalibration = {
  unit: 'mmol/mol',
  range: [35, 130],
  /** All type 2 diabetes starters with a baseline value (n = 305): 57.0 (55.4; 58.6). SD from the CI. */
  baseline: { mean: 57, sd: 14.2 },
  /** Paired cohort (n = 131) with start, end and 6-month values. */
  paired: {
    n: 131,
    start: { mean: 58.5, sd: 15.6 },
    end: { mean: 52, sd: 12.7 },
    followUp: { mean: 52.7, sd: 11.9 },
    deltaStartEnd: { mean: -6.5, ci95: [-9, -4.1], sd: 14.2 },
    deltaStartFollowUp: { mean: -5.8, ci95: [-8.8, -2.8], sd: 17.4 },
    deltaEndFollowUp: { mean: 0.7, ci95: [-1, 2.5], sd: 10.1 },
  },
  /**
   * Generator recipe that reproduces the paired means, SDs and Δ SDs (m = effect multiplier, k = retained
   * share, both from effectModifierCalibration; 58.5 = paired start mean):
   *   endMean = 58.5 + changeToEnd.mean·m
   *   end     = endMean + endOnBaselineSlope·(baseline − 58.5) + N(0, endResidualSd)
   *   followUp = 58.5 + changeToEnd.mean·m·k + followUpOnEndSlope·(end − endMean) + N(0, followUpResidualSd)
   */
  changeToEnd: { mean: -6.5, sd: 14.2 },
  changeToFollowUp: { mean: -5.8, sd: 17.4 },
  endOnBaselineSlope: 0.42,
  endResidualSd: 10.9,
  followUpOnEndSlope: 0.62,
  followUpResidualSd: 8.9,
  baselineShiftByEducation: { low: 2, medium: 0, high: -2.5 },
  /** Shares in the paired cohort (n = 131) per band: < 48, 48–<53, 53–<58, 58–75, > 75 mmol/mol. */
  bandShares: {
    bands: ['<48', '48-<53', '53-<58', '58-75', '>75'],
    start: [0.21, 0.27, 0.15, 0.27, 0.11],
    end: [0.39, 0.23, 0.21, 0.12, 0.05],
    followUp: [0.34, 0.3, 0.15, 0.17, 0.05],
  },
  source:
    '001_b305d0ec6a0aa12b.txt (Center for Diabetes, København) table "n 305 131 131 131 131 131 131 / HbA1c, mmol/mol, gens (95% CI) 57,0 (55,4;58,6) 58,5 (55,8;51,2) 52,0 (49,8;54,2) 52,7 (50,7;54,8) -6,5* (-9,0;-4,1) -5,8* (-8,8;-2,8) 0,7 (-1,0;2,5)". ' +
    'Note: 57.0 is the baseline of all 305; the paired Δ −6.5 is from 58.5 (the 131 with follow-up started higher), so "57.0 → 52.0" is not itself a paired change. "(55,8;51,2)" is a typo in the seed for (55,8;61,2). ' +
    'SDs = CI half-width / t(0.975, n−1) · √n. Slopes/residuals derived from those SDs (start–end r = 0.52, end–follow-up r = 0.66); the chained model gives SD(Δ start–follow-up) ≈ 16.1 vs 17.4 reported. ' +
    'Bands: chart "Udviklingen i HbA1c (n=131)" with series read in reverse of the legend "Start Slut Opfølgning" (the start series, 21/27/15/27/11 %, is the only one whose band-midpoint mean ≈ 58.5). Education shift: assumption.',
} as const satisfies Sourced & {
  unit: string;
  range: readonly [number, number];
  baseline: MeanSd;
  paired: Readonly<{ n: number; start: MeanSd; end: MeanSd; followUp: MeanSd; deltaStartEnd: Readonly<MeanSd & { ci95: readonly [number, number] }>; deltaStartFollowUp: Readonly<MeanSd & { ci95: readonly [number, number] }>; deltaEndFollowUp: Readonly<MeanSd & { ci95: readonly [number, number] }> }>;
  changeToEnd: MeanSd;
  changeToFollowUp: MeanSd;
  endOnBaselineSlope: number;
  endResidualSd: number;
  followUpOnEndSlope: number;
  followUpResidualSd: number;
  baselineShiftByEducation: Distribution<EducationGroup>;
  bandShares: Readonly<{ bands: readonly string[]; start: readonly number[]; end: readonly number[]; followUp: readonly number[] }>;
};

/** How the effect differs by social position (applies to every measure's change). */
export const effectModifierCalibration = {
  /** Multiplier on the mean change to end; weighted by completers it averages ≈ 1, so the pooled Δ stays at the seed value. */
  effectMultiplierByEducation: { low: 0.75, medium: 1, high: 1.18 },
  /** Share of the end change still present at follow-up; pooled ≈ 0.89 = −5.8 / −6.5. */
  retainedAtFollowUpByEducation: { low: 0.8, medium: 0.9, high: 0.95 },
  /** The pooled share kept (−5.8 / −6.5): the questionnaire outcomes' follow-up distributions already hold it, so groups are scaled relative to it. */
  pooledRetainedAtFollowUp: 0.89,
  ruralMultiplier: 1,
  source:
    'smaller for low education: 000_fab378e5a2f25143.txt "en større andel af mennesker med få sociale og økonomiske ressourcer, der ikke deltager og profiterer af de kommunale forebyggelsestilbud" and "utilstrækkelig støtte i forhold til at opretholde god egenomsorg efter afsluttet indsats" → smaller and less lasting effect. ' +
    'Pooled retention: 001_b305d0ec6a0aa12b.txt "-5,8" / "-6,5" = 0.89. Rural = 1: 000_fab378e5a2f25143.txt "Borgerne fra landdistrikter opnår samme resultater". Group values: assumption.',
} as const satisfies Sourced & {
  effectMultiplierByEducation: Distribution<EducationGroup>;
  retainedAtFollowUpByEducation: Distribution<EducationGroup>;
  pooledRetainedAtFollowUp: number;
  ruralMultiplier: number;
};

export const weightCalibration = {
  unit: 'kg',
  range: [40, 220],
  baseline: { mean: 91, sd: 19 },
  baselineBySex: { male: { mean: 97, sd: 18 }, female: { mean: 84, sd: 19 } },
  heightCmBySex: { male: { mean: 178, sd: 7 }, female: { mean: 165, sd: 6.5 } },
  changeToEnd: { mean: -1.8, sd: 3.5 },
  changeToFollowUp: { mean: -1.4, sd: 5 },
  source:
    'upper anchor 003_2bb63ac5d1695a00.txt (Gladsaxe livsstilsgrupper, 1-årigt forløb, 16 gennemført) "BMI er faldet i gennemsnit fra 33,2 til 31,0, taljemål fra 109 til 99 cm og vægt fra 94,3 til 87,9 kg" (−6.4 kg in a year); 003_2bb63ac5d1695a00.txt (Hasseris) "Forbedring i objektive sundhedsmålinger (7 %)". ' +
    'Center for Diabetes measures "Vægt/BMI" but the seed shows no figures. For an 8-week §119 course −1.8 kg at end and −1.4 kg at 6 months, baselines and SDs: assumption.',
} as const satisfies MeasureCalibration & { baselineBySex: Readonly<Record<Sex, MeanSd>>; heightCmBySex: Readonly<Record<Sex, MeanSd>> };

export const waistCalibration = {
  unit: 'cm',
  range: [60, 180],
  baseline: { mean: 108, sd: 14 },
  baselineBySex: { male: { mean: 111, sd: 13 }, female: { mean: 103, sd: 14 } },
  changeToEnd: { mean: -2.5, sd: 4.5 },
  changeToFollowUp: { mean: -2, sd: 6 },
  source:
    '003_2bb63ac5d1695a00.txt (Gladsaxe) "taljemål fra 109 til 99 cm" (1 year, n=16) and earlier "i taljemål fra 103 til 95 cm" → baseline ≈ 103–109; 001_b305d0ec6a0aa12b.txt lists "Hofte, talje" as measured without figures. Change for an 8-week course: assumption.',
} as const satisfies MeasureCalibration & { baselineBySex: Readonly<Record<Sex, MeanSd>> };

export const who5Calibration = {
  unit: 'points (0–100, multiples of 4)',
  range: [0, 100],
  baseline: { mean: 52, sd: 21 },
  baselineByEducation: { low: 48, medium: 54, high: 58 },
  /** Added to the baseline mean. */
  baselineShift: { disability_pension: -8, social_assistance: -8, sickness_benefit: -10, unemployed_benefit: -4, livingAlone: -3 },
  changeToEnd: { mean: 7, sd: 17 },
  changeToFollowUp: { mean: 5, sd: 19 },
  minimalImportantChange: 10,
  source:
    '004_0fb125e2a2d4d045.txt "Hvert af de fem spørgsmål gives point fra 0-5, og summen ganges med 4, så maksimal trivselsscore er 100"; gradient: 004_0fb125e2a2d4d045.txt "Mennesker med kort uddannelse, som er førtidspensionister eller arbejdsløse samt enlige og ugifte er i større risiko for dårlig mental sundhed"; minimal important change 10 from docs/equity-measures.md. ' +
    'The seeds give no WHO-5 means; all numbers: assumption.',
} as const satisfies MeasureCalibration & {
  baselineByEducation: Distribution<EducationGroup>;
  baselineShift: Readonly<Record<string, number>>;
  minimalImportantChange: number;
};

export const bloodPressureCalibration = {
  systolic: { unit: 'mmHg', range: [85, 230], baseline: { mean: 138, sd: 17 }, changeToEnd: { mean: -3, sd: 13 }, changeToFollowUp: { mean: -2, sd: 14 }, source: 'assumption: 001_b305d0ec6a0aa12b.txt lists "BT" and 000_fab378e5a2f25143.txt (Aalborg) "får målt højde og blodtryk", but no figures in the seeds.' },
  diastolic: { unit: 'mmHg', range: [45, 130], baseline: { mean: 82, sd: 10 }, changeToEnd: { mean: -1.5, sd: 8 }, changeToFollowUp: { mean: -1, sd: 9 }, source: 'assumption: as for systolic; no figures in the seeds.' },
  source: 'assumption: blood pressure is measured in the seeds (Center for Diabetes "BT"; Aalborg "blodtryk") but never reported.',
} as const satisfies Sourced & { systolic: MeasureCalibration; diastolic: MeasureCalibration };

/** Baseline PRO/behaviour: the SUSY table gives levels by labour-market group (2005, general population, not referred). */
export const susyTableCalibration = {
  columns: ['disability_pension', 'social_assistance', 'unemployed_short_education', 'general_adult_population'],
  selfRatedHealthGoodOrVeryGood: [0.3, 0.41, 0.65, 0.81],
  neverOrAlmostNeverFitEnough: [0.38, 0.29, 0.11, 0.07],
  physicallyInactive: [0.29, 0.28, 0.18, 0.11],
  dailySmoker: [0.54, 0.57, 0.56, 0.31],
  doesSomethingForHealth: [0.82, 0.75, 0.76, 0.86],
  longTermIllness: [0.91, 0.77, 0.56, 0.38],
  limitedLast14Days: [0.39, 0.35, 0.18, 0.13],
  gpContactLast3Months: [0.55, 0.58, 0.48, 0.38],
  /** For referred citizens (all chronically ill): P(self-rated health good/very good) = 0.55 × column / 0.81. */
  referredSelfRatedHealthGoodAnchor: 0.55,
  source:
    '002_df2b580334a053be.txt "Tabel 1: Sundhed og sundhedsadfærd blandt udsatte borgere … Data er fra 2005" (columns Førtidspensionister, Kontanthjælpsmodtagere*, Arbejdsløse** [med kort eller ingen uddannelse], Generelle voksne befolkning): "Vurderer eget helbred til at være virkelig godt eller godt (%) 30 41 65 81", "Føler sig aldrig eller næsten aldrig friske nok … 38 29 11 7", "Er fysisk inaktive (%) 29 28 18 11", "Ryger dagligt (%) 54 57 56 31", "Gør noget for at bevare eller forbedre helbredet (%) 82 75 76 86", "Har en langvarig sygdom (%) 91 77 56 38", "… inden for de sidste 14 dage (%) 39 35 18 13", "kontakt til praktiserende læge inden for de sidste tre måneder (%) 55 58 48 38". ' +
    'The text says "tallet for den generelle voksne befolkning er 85 %" where the table says 81. NOT participation rates. Anchor 0.55 for referred citizens: assumption.',
} as const satisfies Sourced & { columns: readonly string[]; referredSelfRatedHealthGoodAnchor: number } & Readonly<Record<string, unknown>>;

export const behaviourOutcomeCalibration = {
  /** Center for Diabetes, n = 113: "self-rated physical form" shares Dårlig … Virkelig god. */
  selfRatedFitness: {
    categories: ['Dårlig', 'Mindre god', 'Hverken god eller dårlig', 'God', 'Virkelig god'],
    start: [0.27, 0.3, 0.26, 0.18, 0],
    end: [0.06, 0.28, 0.31, 0.32, 0.03],
    followUp: [0.12, 0.24, 0.35, 0.28, 0.02],
  },
  /** Center for Diabetes, n = 113: weekly minutes of activity leaving the citizen breathless. */
  breathlessActivityMinutes: {
    categories: ['>120', '90-120', '60-90', '30-60', '<30', '0'],
    start: [0.1, 0.08, 0.17, 0.17, 0.27, 0.21],
    end: [0.19, 0.09, 0.17, 0.21, 0.29, 0.05],
    followUp: [0.12, 0.09, 0.12, 0.25, 0.37, 0.05],
  },
  /** Smoking-cessation teams recruited proactively in a deprived area. */
  smokingCessation: { completedShare: 0.92, smokeFreeAtEnd: 0.5, smokeFreeAt6Months: 0.49 },
  /** Share reaching > 75 % of personal goals, social-assistance recipients. */
  goalsMostlyMetSocialAssistance: 0.15,
  source:
    '001_b305d0ec6a0aa12b.txt "Udvikling i selvvurderet fysisk form (n=113)" and "Udvikling i fysisk aktivitet hvor borgeren bliver forpustet (n=113)", series read in reverse of the legend as for HbA1c (start has the most "0 minutter /Ingen tid", 21 %); the start fitness series lists only four values (27/30/26/18), read as 0 % "Virkelig god". ' +
    '004_0fb125e2a2d4d045.txt (Aalborg Øst) "Ud af de rekrutterede har 92 procent gennemført kurset. 50 procent er røgfri efter endt forløb, og 49 procent er røgfri efter et halvt år"; 003_2bb63ac5d1695a00.txt (Vallensbæk) "15 % af deltagerne har indfriet mere end 75 % af deres personlige mål".',
} as const satisfies Sourced & Readonly<Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------------
// Data completeness, volume, quality targets
// ---------------------------------------------------------------------------------------------------

export const measurementCalibration = {
  /** P(measure recorded) at each time point, given the citizen is at that point. */
  hba1cBaselineGivenStartedT2d: 0.66,
  /** Chosen so that (ended with end value) / started ≈ 172/461 = 0.37 given simulated T2D completion ≈ 0.65. */
  endGivenCompleted: 0.58,
  followUpGivenFollowedUp: 0.95,
  /** Multiplier on PRO questionnaire completeness for low education (help needed to fill it in). */
  proLowEducationMultiplier: 0.85,
  source:
    '001_b305d0ec6a0aa12b.txt "N = 461" at start vs HbA1c "n 305" → 305/461 = 0.66; "N = 172" at end → 172/461 = 0.37 of starters; follow-up "N = 131" all with HbA1c. ' +
    'PRO: 000_fab378e5a2f25143.txt "spørgeskemaer, som borgerne udfylder – eller får hjælp til at udfylde". endGivenCompleted depends on the simulated completion rate (check it), low-education multiplier: assumption.',
} as const satisfies Sourced & Readonly<Record<string, number | string>>;

export const selfReportCalibration = {
  /** P(self-rated health fremragende/vældig godt/godt) for the general column; scaled by the SUSY column as referredSelfRatedHealthGoodAnchor says. */
  goodHealthAnchor: 0.55,
  goodCategories: { 1: 0.1, 2: 0.35, 3: 0.55 },
  poorCategories: { 4: 0.7, 5: 0.3 },
  nonSmokerStatus: { occasional: 0.05, former: 0.4, never: 0.55 },
  /** Start → end: the share in poor physical form fell from 57 % to 34 % (≈ 40 % of them a category better). */
  poorImprovesAtEnd: 0.4,
  goodImprovesAtEnd: 0.1,
  worsens: 0.05,
  /** End → follow-up: 34 % → 36 % poor, so a few fall back to where they started. */
  backToBaselineAtFollowUp: 0.15,
  /** How far a citizen's rank in the activity distribution moves between time points (SD). */
  activityRankNoise: 0.12,
  quitWithoutCessation: 0.06,
  keptQuitWithoutCessation: 0.7,
  source:
    'Self-rated health: susyTableCalibration (SUSY 2005 "Vurderer eget helbred til at være virkelig godt eller godt") scaled to referredSelfRatedHealthGoodAnchor; ' +
    'the change over the course from behaviourOutcomeCalibration.selfRatedFitness (001, physical form as the nearest measured item). Smoking with cessation: behaviourOutcomeCalibration.smokingCessation (004). ' +
    'Split between categories, non-smokers\' status, quitting without a cessation offer and the rank noise: assumption.',
} as const satisfies Sourced & Readonly<Record<string, unknown>>;

export const bridgeCalibration = {
  /** P(bridged to a local association offer | completed), within four weeks of the end. */
  givenCompleted: 0.3,
  /** Fewer with only primary school find their way into association life, even with a bridge-builder. */
  lowEducationMultiplier: 0.75,
  companion: { none: 0.45, volunteer: 0.3, staff: 0.2, relative: 0.05 },
  stillActiveAt3Months: 0.7,
  stillActiveAt6MonthsIfAt3: 0.8,
  source:
    'assumption: the seeds describe bridge-building to associations (domain.md, Brønderslev\'s platform) but give no rates; chosen so the demo\'s "bridged" step and the 3- and 6-month follow-ups have numbers above the suppression threshold.',
} as const satisfies Sourced & Readonly<Record<string, unknown>>;

export const volumeCalibration = {
  referralsPerYear: 600,
  demoMonths: 24,
  source:
    'scale only: 001_b305d0ec6a0aa12b.txt (Center for Diabetes) "N = 461" starters in the effect study; 000_fab378e5a2f25143.txt (Gellerup) "opstartet 348 forløb" in 2022; (Vejle) "30 henvisninger pr. måned" from hospital for smoking cessation alone. 600/year over 24 months: assumption (enough that most cells clear the < 5 suppression rule).',
} as const satisfies Sourced & { referralsPerYear: number; demoMonths: number };

export const qualityTargetCalibration = {
  stopbasen: { minParticipants: 20, minFollowUpShareOfCompleters: 0.5 },
  smallNumberSuppressionBelow: 5,
  source:
    'STOPbasen rules from /work/shared/docs/domain.md ("at least 20 participants, follow-up on at least 50 % of completers"); the seeds only point to it: 000_fab378e5a2f25143.txt "kommunernes kvalitetssikring af tobak- og nikotinafvenningsforløb: Læs mere om Stopbasen.dk". Suppression < 5 from docs/equity-measures.md.',
} as const satisfies Sourced & { stopbasen: Readonly<{ minParticipants: number; minFollowUpShareOfCompleters: number }>; smallNumberSuppressionBelow: number };
