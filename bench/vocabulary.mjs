// pt-BR phrase lists for the benchmark generator: the vocabulary of the academy's call-centre
// banks (telecom service, billing, repairs). Many independent slots, so that two random stems
// share little beyond function words and the planted near-duplicates are the only close pairs.

export const names = [
  'José', 'Vera', 'Eduardo', 'Gerusa', 'Fábio', 'Renato', 'Márcia', 'Conceição', 'João', 'Luíza',
  'Antônio', 'Sebastião', 'Cláudia', 'Patrícia', 'Lúcia', 'Inês', 'Valéria', 'Márcio', 'Rogério',
  'Tânia', 'Célia', 'André', 'Vinícius', 'Júlia', 'Mônica', 'Otávio', 'Flávia', 'Gonçalo', 'Ângela',
  'Bárbara', 'Letícia', 'César', 'Simão', 'Irene', 'Débora', 'Heloísa', 'Caio', 'Thaís', 'Mírian',
  'Araújo', 'Benedita', 'Jussara', 'Joaquim', 'Raimundo', 'Francisca', 'Edinéia', 'Cássio', 'Nélson',
  'Glória', 'Ítalo', 'Íris', 'Lázaro', 'Núbia', 'Rosângela', 'Sônia', 'Téo', 'Zélia', 'Wálter',
  'Dona Aparecida', 'Seu Benedito',
];

export const channels = ['pelo telefone', 'pelo chat', 'pelo WhatsApp', 'por e-mail', 'pelo aplicativo', 'na loja física', 'pela ouvidoria', 'pelo Instagram'];

export const segments = ['empresarial', 'residencial', 'pré-pago', 'pós-pago', 'PME', 'corporativo', 'rural', 'condomínio'];

export const plans = ['Fibra 300 Mega', 'Fibra 600 Mega', 'Fibra 1 Giga', 'Controle 25 GB', 'Família 4 linhas', 'TV Essencial', 'Combo Total', 'Empresa Conecta'];

export const openings = [
  '{name} {surname} entrou em contato {channel} para informar',
  'A cliente {name} {surname}, do bairro {surname2}, avisa {channel}',
  'O síndico {name} {surname} liga em nome do condomínio {surname2} e relata',
  'Em nome da empresa {surname} & {surname2} Ltda., {name} informa',
  '{name} {surname}, morador da Rua {surname2}, reclama {channel}',
  'No retorno agendado, {name} {surname} confirma',
  '{name}, cliente {segment}, liga pela {ordinal} vez e diz',
  'Durante o atendimento, {name} relata',
  'Ao atender {name}, titular do plano {plan}, você percebe',
  '{name} procura a central {channel} e diz',
  'Na {ordinal} ligação do dia, {name} reclama',
  'Um cliente {segment} chamado {name} informa',
  '{name} escreve {channel} para avisar',
  'Responsável por uma empresa, {name} explica',
  '{name}, do plano {plan}, comenta {channel}',
  'Em atendimento receptivo, {name} afirma',
  'Transferido da URA, {name} conta',
  'Após duas tentativas {channel}, {name} {surname} insiste',
  'O técnico {surname} registrou e {name} confirma',
];

export const ordinals = ['segunda', 'terceira', 'quarta', 'quinta'];

// Equipment × symptom gives hundreds of distinct technical complaints.
export const equipment = [
  'o modem', 'o roteador', 'o decodificador', 'a ONT', 'o telefone fixo', 'o chip', 'o aplicativo', 'o repetidor Wi-Fi',
  'a TV por assinatura', 'o controle remoto', 'o ponto adicional', 'a internet móvel', 'o cabo coaxial', 'a central do assinante',
  'o celular corporativo', 'o ramal do escritório', 'a linha 0800', 'o link dedicado', 'o plano de dados', 'o serviço de streaming',
];

export const symptoms = [
  'reinicia sozinho', 'não liga', 'pisca em vermelho', 'perde o sinal à noite', 'fica lento no horário de pico', 'não reconhece a senha',
  'mostra erro de autenticação', 'desconecta a cada hora', 'esquenta muito', 'não completa chamadas', 'apresenta chiado',
  'exibe a mensagem "sem sinal"', 'não atualiza', 'trava na tela inicial', 'cobra por uso não reconhecido', 'parou depois do temporal',
  'funciona só perto da sala', 'perde pacotes nos jogos', 'não recebe SMS', 'bloqueou após a troca de senha', 'está com a luz LOS acesa',
  'não aparece na lista de redes', 'cai quando o micro-ondas liga', 'ficou mudo após a visita', 'não sincroniza com a rede',
];

export const problems = [
  'que está sem navegação', 'que a fatura veio com valor acima do contratado', 'que o sinal da TV cai à noite',
  'que não consegue acessar o Wi-Fi no segundo andar', 'que o técnico não compareceu ao agendamento',
  'que a linha fixa está muda', 'que a velocidade contratada não é entregue', 'que recebeu cobrança de serviço não solicitado',
  'que o modem reinicia sozinho várias vezes ao dia', 'que perdeu o chip e precisa bloquear a linha',
  'que a portabilidade não foi concluída', 'que o débito automático não foi efetuado', 'que não recebeu a segunda via do boleto',
  'que o decodificador exibe a mensagem "sem sinal"', 'que as ligações caem após poucos segundos',
  'que o roteador novo não liga', 'que a mudança de endereço ainda não foi feita', 'que o bônus de dados não foi creditado',
  'que o pacote de canais premium sumiu', 'que a conexão fica lenta no horário de pico', 'que a senha da central do assinante foi bloqueada',
  'que o serviço foi suspenso mesmo com a conta paga', 'que quer cancelar o plano por insatisfação', 'que deseja trocar a titularidade da linha',
  'que a instalação foi feita no cômodo errado', 'que o e-mail de confirmação nunca chegou', 'que o sinal do 4G não pega em casa',
  'que a multa de fidelidade está incorreta', 'que o atendimento anterior prometeu um desconto', 'que a ordem de reparo foi encerrada sem solução',
  'que o cabo óptico foi rompido na calçada', 'que não reconhece uma compra feita na fatura', 'que o reajuste anual foi aplicado em dobro',
  'que a fibra pisca em vermelho no equipamento', 'que o aplicativo não mostra o consumo de dados', 'que precisa de comprovante de quitação',
];

export const times = [
  'desde a visita do técnico {surname}', 'desde a reforma na Rua {surname2}', 'desde a chuva de {month}', 'há {count} dias',
  'desde {date}', 'desde as {hour} de ontem', 'desde a troca de operadora', 'desde a queda de energia no bairro {surname}',
  'desde ontem', 'há três dias', 'há mais de uma semana', 'desde a última visita técnica', 'desde a mudança de endereço',
  'desde o início do mês', 'há quinze dias', 'desde a troca do equipamento', 'desde o último temporal', 'desde a migração de plano',
  'há dois meses', 'desde sexta-feira', 'desde o vencimento da fatura', 'após a atualização do sistema', 'desde a instalação',
];

export const details = [
  'No {system} consta o status "{status}".', 'O protocolo anterior é {protocol}.', 'A fatura de {month} veio com R$ {amount}.',
  'O endereço fica em {city}.', 'Já foram feitos {count} testes remotos sem sucesso.', 'A previsão informada pelo GPS é {date} às {hour}.',
  'O cliente tem {count} linhas no mesmo CPF.', 'O contrato foi assinado em {date}.', 'O técnico registrou "{status}" na ordem {protocol}.',
  'Há uma massiva aberta na região de {city}.', 'O cliente mora na Rua {surname}, {count}0, em {city}.',
  'A conta está em nome de {name} {surname2}.', 'O CNPJ da empresa {surname} termina em {count}{count}.',
  'Foi trocado o equipamento de série {protocol}.', 'O vizinho, {name} {surname}, não tem o mesmo problema.', 'O consumo do mês chegou a {count}0 GB.', 'O valor em aberto soma R$ {amount}.',
];

export const systems = ['Siebel', 'Gestor de Bloqueios', 'GPS', 'Portal do Técnico', 'CRM', 'sistema de cobrança', 'NetSales', 'painel de rede'];

export const statuses = [
  'Bloqueio Total Preventivo', 'Aguardando agendamento', 'Reparo em andamento', 'Cancelamento solicitado', 'Inadimplente',
  'Ativo sem pendências', 'Suspenso parcialmente', 'Pendente de documentação', 'Falha de sincronismo', 'Visita improdutiva',
];

export const months = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

export const cities = [
  'São Paulo', 'Belém', 'Maceió', 'Florianópolis', 'Goiânia', 'Vitória', 'São Luís', 'Cuiabá', 'Ribeirão Preto', 'Jundiaí',
  'Niterói', 'Uberlândia', 'Petrópolis', 'Caxias do Sul', 'Macapá', 'Teresina', 'João Pessoa', 'Aracaju', 'Londrina', 'Santarém',
];

export const questions = [
  'Qual é o primeiro passo?', 'Como tratar a reclamação?', 'Qual a orientação correta para {name}?', 'O que fazer antes de transferir?',
  'Qual procedimento evita uma nova ligação?', 'Como seguir segundo o manual?', 'Qual registro fazer no {system}?',
  'O que deve ser feito?', 'Como você deve proceder?', 'Qual é o procedimento correto?', 'Como orientar o cliente nesse caso?',
  'Qual a próxima ação no atendimento?', 'Qual alternativa descreve o fluxo correto?', 'Qual deve ser a sua conduta?',
  'Como resolver a solicitação no primeiro contato?', 'Que fluxo deve ser seguido?', 'O que informar ao cliente?',
  'Qual é a orientação adequada?', 'Como registrar o atendimento?',
];

export const multiQuestions = ['Marque todas as ações corretas.', 'Quais procedimentos se aplicam? Marque todos os corretos.', 'Assinale as alternativas corretas.'];

export const tfOpenings = [
  'Segundo o procedimento de {flow}, quando {name} relata {problem}, o atendente {action}.',
  'No fluxo de {flow}, o atendente {action} antes de qualquer agendamento para {name}, que relata que {problem} {time}.',
  'Para clientes {segment} que relatam que {problem} {time}, o atendente {action} sem consultar o {system}.',
  'Quando {name} {surname} liga {channel} porque {problem}, o correto é que o atendente {action} {time}.',
];

export const flows = [
  'Sem Navegação', 'Reparo Banda Larga', 'Mudança de Endereço', 'Reclamação/Crítica', 'Bloqueio', 'Cobrança Indevida',
  'Portabilidade', 'Cancelamento', 'Troca de Titularidade', 'Segunda Via', 'Dados de Contato', 'Retenção',
];

export const actions = [
  'Valida token', 'Consulta o CNPJ na Receita Federal', 'Verifica status de cobrança', 'Confirma CEP do novo endereço',
  'Abre chamado para o BKO', 'Registra reclamação no Siebel', 'Convida o cliente para testes', 'Agenda visita técnica',
  'Transfere a ligação para a supervisão', 'Orienta o pagamento da fatura em aberto', 'Informa o prazo de até 3 dias úteis',
  'Solicita documentação por e-mail', 'Reinicia o modem remotamente', 'Consulta massiva no GPS', 'Gera protocolo e informa ao cliente',
  'Desculpa-se pelo transtorno', 'Aplica crédito proporcional na próxima fatura', 'Cancela a ordem de serviço pendente',
  'Valida cobertura no endereço', 'Cria ordem de "Mudar Endereço"', 'Cadastra ponto de referência', 'Confirma dados do titular',
  'Verifica histórico de atividades', 'Encaminha checklist de caso crítico', 'Orienta a troca do cabo de rede',
  'Atualiza o cadastro no CRM', 'Envia SMS com o link de pagamento', 'Solicita a antecipação de agenda',
  'Informa que a fatura não é contestável', 'Contesta o valor cobrado', 'Faz o desbloqueio em confiança',
  'Orienta reiniciar o roteador', 'Verifica anexo no Siebel', 'Oferece o plano de retenção', 'Registra o pedido de cancelamento',
  'Confirma o número do imóvel', 'Consulta o Portal do Técnico', 'Abre reparo com prioridade', 'Explica o reajuste anual',
  'Direciona para a loja mais próxima', 'Bloqueia a linha por perda', 'Emite a segunda via pelo sistema',
  'Valida a identidade com três perguntas', 'Informa a previsão de normalização', 'Solicita foto do equipamento',
];

export const tails = [
  'e encerra o atendimento', 'antes de qualquer outra ação', 'conforme o manual vigente', 'sem transferir a ligação',
  'e registra tudo no protocolo', 'no mesmo contato', 'após confirmar com o cliente', 'e agenda retorno em 24 horas',
  'caso o cliente concorde', 'somente com autorização do titular',
];

export const joiners = [' > ', ', depois ', ' e ', '; em seguida, '];

export const tfOptions = [['Verdadeiro', 'Falso'], ['Certo', 'Errado']];

export const positional = ['Todas as anteriores', 'Nenhuma das anteriores', 'Todas'];

// Word swaps used to plant near-duplicates: a copy differs from its original by one of these.
export const swaps = [
  ['deve', 'precisa'], ['cliente', 'consumidor'], ['informa', 'comunica'], ['correto', 'adequado'], ['fatura', 'conta'],
  ['ligação', 'chamada'], ['técnico', 'instalador'], ['procedimento', 'processo'], ['orientar', 'instruir'], ['caso', 'cenário'],
];

// Surnames, streets and companies: the long tail of a real bank's vocabulary (Heaps' law), made
// from pt-BR syllables so a big bank keeps meeting new rare words as real text does.
const onsets = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'ch', 'lh', 'nh', 'br', 'cr', 'tr', 'pr', 'gu', 'qu', 'j', 'x'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o'];
const accented = ['á', 'é', 'í', 'ó', 'ú', 'ã', 'â', 'ê', 'ô'];
const endings = ['es', 'eira', 'eiro', 'inho', 'ão', 'ado', 'ares', 'elo', 'uza', 'ida', 'ana', 'oso', 'ães', 'ira', 'ante', 'ença', 'ões', 'ildo'];

export function makeSurnames(count, r) {
  const out = new Set();
  while (out.size < count) {
    const syll = 1 + r.int(2);
    let w = '';
    for (let i = 0; i < syll; i++) w += r.pick(onsets) + (r.chance(0.12) ? r.pick(accented) : r.pick(vowels));
    w += r.pick(endings);
    out.add(w[0].toUpperCase() + w.slice(1));
  }
  return [...out];
}
