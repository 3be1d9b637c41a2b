import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { WaypointCore } from '../ipc/app';
import type { StudentDetail } from '../../shared/ipc/contract';
import { parseCatalogCsv } from '../importers/courses/catalogCsv';
import { parseEdfiCatalog } from '../importers/courses/catalogEdfi';
import { sampleFile } from '../services/scores/testing';

/**
 * One invented student with data in every concern — record, guardians, plan workspace, test
 * results (the public SAT sample), course plans — with a marker string planted in each piece
 * the family must never see, and a few shared strings that must reach it (so a privacy test
 * can fail). No real person: the SAT row is the sample file's anonymized student 604928.
 */
export const SECRETS = {
  privateGoal: 'Xanthe private goal 6612',
  privateGoalStep: 'Xanthe private step 6613',
  staffGoal: 'Bramwell staff goal 4120',
  privateTrait: 'Quibble private weakness 3391',
  staffTrait: 'Cordelia staff strength 3392',
  staffNote: 'Orlov staff note 2207',
  privateNote: 'Pemberton private note 2208',
  referral: 'Wendeline referral reason 4471',
  workspaceDecision: 'Fairweather private decision 5150',
  planNote: 'Tamsin counselor plan note 8844',
  scenarioNote: 'Tamsin scenario note 8845',
  entryNote: 'Ulrike course note 1290',
  waiverReason: 'Vesper waiver reason 5523',
  waiverBy: 'Ygritte Waiverapprover',
  recommendationNote: 'Halvorsen placement note 7788',
  mark: 'QX97',
} as const;

export const SHARED = {
  familyGoal: 'Visit two engineering programs before grade 11',
  familyStep: 'Sign up for a campus tour',
  familyStrength: 'Asks good questions in math class',
  scenarioName: 'Business & Industry',
} as const;

const EDFI_EDORG = path.resolve(__dirname, '../../..', 'shared/data/edfi/EducationOrganization.xml');
const CATALOG_CSV = path.resolve(__dirname, '../../e2e/fixtures/catalog-texas-sample.csv');

type Call = <T = unknown>(channel: string, input?: unknown) => Promise<T>;

export interface SeededStudent {
  student: StudentDetail;
  activePlanId: number;
  scenarioId: number;
  familyGoalId: number;
}

/** Seeds through the real handler table (`ok` dispatches with console scope and throws on an error). */
export async function seedAcrossConcerns(core: WaypointCore, ok: Call): Promise<SeededStudent> {
  let student = await ok<StudentDetail>('wp:students.create', {
    firstName: 'Marisol',
    lastName: 'Quintanilla Ybarra',
    localId: '604928',
    gradeLevel: '10',
    expectedGraduationYear: 2028,
    campusName: 'Cedar Ridge High School',
  });
  student = await ok<StudentDetail>('wp:students.update', { id: student.id, version: student.version, changes: { familyLanguage: 'es' } });
  student = await ok<StudentDetail>('wp:guardians.add', { studentId: student.id, version: student.version, guardian: { firstName: 'Rosa', lastName: 'Ybarra', relationship: 'Madre', language: 'es', mayReceiveInformation: true } });
  student = await ok<StudentDetail>('wp:guardians.add', { studentId: student.id, version: student.version, guardian: { firstName: 'Tomás', lastName: 'Quintanilla', relationship: 'Padre', mayReceiveInformation: false } });
  student = await ok<StudentDetail>('wp:guardians.add', { studentId: student.id, version: student.version, guardian: { firstName: 'Inés', lastName: 'Ybarra', relationship: 'Abuela' } });
  const id = student.id;

  // Plan workspace: one family goal, the rest private or staff.
  const family = await ok<{ id: number }>('wp:goals.create', {
    studentId: id,
    domain: 'career',
    horizon: 'intermediate',
    statement: SHARED.familyGoal,
    successMeasure: 'Two visits logged',
    targetDate: '2027-04-30',
    visibility: 'family',
    steps: [{ text: SHARED.familyStep, owner: 'parent', dueDate: '2026-11-15' }],
  });
  await ok('wp:goalCheckIns.create', { goalId: family.id, checkedOn: '2026-09-20', rating: 2, evidence: 'Looked up two programs' });
  const privateGoal = await ok<{ id: number }>('wp:goals.create', { studentId: id, domain: 'personal-social', horizon: 'short', statement: SECRETS.privateGoal, visibility: 'private', steps: [{ text: SECRETS.privateGoalStep, owner: 'counselor' }] });
  await ok('wp:goalCheckIns.create', { goalId: privateGoal.id, checkedOn: '2026-09-20', rating: 1, evidence: SECRETS.privateGoal });
  await ok('wp:goals.create', { studentId: id, domain: 'educational', horizon: 'short', statement: SECRETS.staffGoal, visibility: 'staff' });
  await ok('wp:traits.create', { studentId: id, kind: 'strength', statement: SHARED.familyStrength, source: 'teacher', visibility: 'family', links: [{ goalId: family.id, effect: 'helps' }] });
  await ok('wp:traits.create', { studentId: id, kind: 'weakness', statement: SECRETS.privateTrait, source: 'counselor', visibility: 'private', links: [{ goalId: family.id, effect: 'hinders' }] });
  await ok('wp:traits.create', { studentId: id, kind: 'strength', statement: SECRETS.staffTrait, source: 'teacher', visibility: 'staff', links: [{ goalId: family.id, effect: 'helps' }] });
  await ok('wp:notes.create', { studentId: id, body: SECRETS.staffNote, visibility: 'staff' });
  await ok('wp:notes.create', { studentId: id, body: SECRETS.privateNote, visibility: 'private' });
  await ok('wp:referrals.create', { studentId: id, kind: 'section-504', referredOn: '2026-09-10', reason: SECRETS.referral });
  await ok('wp:decisions.create', { studentId: id, decidedOn: '2026-09-12', decision: SECRETS.workspaceDecision, deciders: ['counselor'], visibility: 'private' });

  // Test results: the public SAT sample (only 604928's rows match this vault).
  const s = core.services;
  const preview = s.scoreImports.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]);
  s.scoreImports.commit(preview.token);

  // Course plans: the public Ed-Fi catalog plus the synthetic district CSV, a plan and a scenario.
  s.catalog.commit(s.catalog.preview('catalog-edfi', parseEdfiCatalog({ name: 'EducationOrganization.xml', bytes: readFileSync(EDFI_EDORG) })).token);
  s.catalog.commit(s.catalog.preview('catalog-csv', parseCatalogCsv(readFileSync(CATALOG_CSV), 'catalog-texas-sample.csv')).token);
  let ws = s.plans.addRecord({ studentId: id, fields: { code: 'ENG-1', title: null, grade: '09', term: 'year', schoolYear: 2025, status: 'completed', mark: SECRETS.mark, credits: 1, creditSource: 'course' } });
  ws = s.plans.start({ studentId: id, endorsement: 'stem' });
  const add = (code: string, grade: '10' | '11' | '12') => {
    ws = s.plans.addEntry({ planId: ws.plan!.id, version: ws.plan!.version, code, grade, term: 'year', status: 'planned' });
  };
  for (const [code, grade] of [['ENG-2', '10'], ['GEOM', '10'], ['CHEM', '10'], ['ENG-3', '11'], ['ALG-2', '11'], ['PHYSICS', '11'], ['ENG-4', '12'], ['PRE-CALC', '12']] as const) add(code, grade);
  ws = s.plans.updatePlan({ planId: ws.plan!.id, version: ws.plan!.version, changes: { note: SECRETS.planNote } });
  const physics = ws.plan!.cells.find((c) => c.code === 'PHYSICS')!;
  ws = s.plans.updateEntry({
    planId: ws.plan!.id,
    version: ws.plan!.version,
    entryId: physics.rowId,
    changes: { note: SECRETS.entryNote, waivers: [{ code: 'ALG-1', reason: SECRETS.waiverReason, by: SECRETS.waiverBy, date: '2026-09-01' }] },
  });
  const activePlanId = ws.plan!.id;
  ws = s.plans.createScenario({ fromPlanId: activePlanId, name: SHARED.scenarioName });
  ws = s.plans.updatePlan({ planId: ws.plan!.id, version: ws.plan!.version, changes: { endorsement: 'business-industry', note: SECRETS.scenarioNote } });
  const alg2 = ws.plan!.cells.find((c) => c.code === 'ALG-2')!;
  ws = s.plans.removeEntry({ planId: ws.plan!.id, version: ws.plan!.version, entryId: alg2.rowId });
  ws = s.plans.addEntry({ planId: ws.plan!.id, version: ws.plan!.version, code: 'ACCT-1', grade: '11', term: 'year', status: 'planned' });
  const scenarioId = ws.plan!.id;
  const year = s.prereg.defaultYear();
  s.prereg.addRecommendation({ studentId: id, schoolYear: year, fields: { teacher: 'Mr. Halvorsen', code: 'CHEM', recommendation: 'not-recommended', note: SECRETS.recommendationNote } });

  return { student: await ok<StudentDetail>('wp:students.get', { id }), activePlanId, scenarioId, familyGoalId: family.id };
}
