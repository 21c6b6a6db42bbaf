// Words printed around the questions, in the bank's language (or --lang). Templates get them
// as `labels`; a trainer who wants other wording overrides the template.
export interface Labels {
  exam: string;
  version: string;
  name: string;
  studentId: string;
  date: string;
  group: string;
  score: string;
  key: string;
  answerSheet: string;
  question: string;
  questions: string;
  answer: string;
  correctOption: string;
  source: string;
  sourceQuestion: string;
  points: string;
  point: string;
  page: string;
  of: string;
  instructions: string;
  markAll: string;
  trueFalse: string;
  sheetInstructions: string;
  sheetVersion: string;
  keyNote: string;
  confidential: string;
}

const ptBR: Labels = {
  exam: 'Prova',
  version: 'Versão',
  name: 'Nome',
  studentId: 'Matrícula',
  date: 'Data',
  group: 'Turma',
  score: 'Nota',
  key: 'Gabarito',
  answerSheet: 'Folha de respostas',
  question: 'Questão',
  questions: 'questões',
  answer: 'Resposta',
  correctOption: 'Alternativa correta',
  source: 'Origem',
  sourceQuestion: 'questão',
  points: 'pontos',
  point: 'ponto',
  page: 'Página',
  of: 'de',
  instructions: 'Leia cada questão com atenção. Marque uma única alternativa, a não ser que a questão peça mais de uma.',
  markAll: 'marque todas as corretas',
  trueFalse: 'verdadeiro ou falso',
  sheetInstructions: 'Preencha completamente o círculo da alternativa escolhida, com caneta azul ou preta. Não rasure.',
  sheetVersion: 'Marque a versão da sua prova',
  keyNote: 'Origem: arquivo e número da questão no banco.',
  confidential: 'Uso exclusivo do instrutor',
};

const en: Labels = {
  exam: 'Exam',
  version: 'Version',
  name: 'Name',
  studentId: 'ID',
  date: 'Date',
  group: 'Class',
  score: 'Score',
  key: 'Answer key',
  answerSheet: 'Answer sheet',
  question: 'Question',
  questions: 'questions',
  answer: 'Answer',
  correctOption: 'Correct option',
  source: 'Source',
  sourceQuestion: 'question',
  points: 'points',
  point: 'point',
  page: 'Page',
  of: 'of',
  instructions: 'Read each question carefully. Mark one option unless the question asks for more.',
  markAll: 'mark all that apply',
  trueFalse: 'true or false',
  sheetInstructions: 'Fill in the circle of your answer completely, with a blue or black pen. Do not erase.',
  sheetVersion: 'Mark the version of your exam',
  keyNote: 'Source: file and question number in the bank.',
  confidential: 'For the trainer only',
};

/** pt* → Brazilian Portuguese, anything else → English. */
export function labelsFor(lang: string): { lang: string; labels: Labels } {
  return lang.toLowerCase().startsWith('pt') ? { lang: 'pt-BR', labels: ptBR } : { lang: 'en', labels: en };
}
