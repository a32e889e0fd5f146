// The binary documents of test/fixtures/import/, made at test time (so the
// repository holds their recipe, not opaque bytes): the Hunan-style form as a
// Word file with merged cells (gridSpan, vMerge), and a 自评表 in Excel with
// merged ranges, number formats and a date cell. Fictional department, fictional figures.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

type Cell = string | { text: string; colSpan?: number; rowSpan?: number };

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

function table(rows: Cell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((c) => {
            const cell = typeof c === 'string' ? { text: c } : c;
            return new TableCell({
              children: [new Paragraph(cell.text)],
              ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
              ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
            });
          }),
        }),
    ),
  });
}

/** The Hunan-style form of hunan-form.txt, as a county would fill it in Word. */
export async function hunanFormDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '测试县农业农村局', bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '2023年度部门整体支出绩效自评报告', bold: true })],
          }),
          table([
            ['部门（单位）名称', '测试县农业农村局'],
            ['预算编码', '412001'],
            ['评价方式', '部门自评'],
            ['评价机构', '测试县农业农村局'],
            ['报告日期', '2024年3月15日'],
          ]),
          p('测试县财政局（制）'),
          p('一、部门基本概况'),
          table([
            ['联系人', '李明', '联络电话', '0743-5211234'],
            ['人员编制', '128', '实有人数', '119'],
            ['职能职责概述', { text: '负责全县农业农村经济发展规划、农业产业化和农村改革工作。', colSpan: 3 }],
            ['年度主要工作内容', { text: '推进高标准农田建设，发展特色种养业，做好农产品质量安全监管。', colSpan: 3 }],
          ]),
          p('二、部门整体支出情况'),
          table([
            [
              { text: '项目', rowSpan: 2 },
              { text: '预算执行情况（万元）', colSpan: 3 },
              { text: '执行率', rowSpan: 2 },
            ],
            ['年初预算数', '全年预算数', '全年执行数'],
            ['合计', '2356.40', '2918.72', '2876.15', '98.54%'],
            ['基本支出', '1580.00', '1650.30', '1632.08', '98.90%'],
            ['项目支出', '776.40', '1268.42', '1244.07', '98.08%'],
          ]),
          p('三、部门整体支出绩效自评得分表'),
          table([
            ['一级指标', '二级指标', '三级指标', '分值', '得分', '年度指标值', '实际完成值', '偏差原因及改进措施'],
            [
              { text: '投入', rowSpan: 2 },
              '预算执行',
              '预算执行率',
              '10',
              '9',
              '100%',
              '98.54%',
              '部分项目资金年底到位',
            ],
            ['预算管理', '结转结余率', '10', '10', '≤5%', '1.46%', ''],
            [
              { text: '过程', rowSpan: 2 },
              { text: '资金管理', rowSpan: 2 },
              '政府采购执行率',
              '10',
              '10',
              '100%',
              '72.74%',
              '',
            ],
            ['资金使用合规性', '10', '10', '合规', '合规', ''],
            [
              { text: '产出', rowSpan: 2 },
              '产出数量',
              '高标准农田建设',
              '20',
              '18',
              '1.2万亩',
              '1.1万亩',
              '受汛期影响进度滞后',
            ],
            ['产出质量', '农产品抽检合格率', '15', '15', '≥98%', '99.2%', ''],
            [{ text: '效果', rowSpan: 2 }, '社会效益', '新型经营主体培育', '15', '13', '30家', '26家', '申报主体不足'],
            ['满意度', '服务对象满意度', '10', '7', '≥90%', '86%', '部分农户反映服务不及时'],
            [{ text: '合计', colSpan: 3 }, '100', '92', '', '', ''],
          ]),
          p('四、存在的问题及改进措施'),
          p(
            '部分项目资金到位较晚，高标准农田建设和新型经营主体培育未完成年度目标，下一步将加强资金调度，提前谋划项目。',
          ),
          p('本单位整体支出绩效自评得分92分。'),
          p('测试县农业农村局'),
          p('2024年3月15日'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A 自评表 kept in Excel: a title across the sheet, a form block, a score sheet with merged ranges. */
export async function selfEvaluationXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  ws.getCell('A1').value = '测试县文化旅游广电局2023年度部门整体支出绩效自评表';
  ws.mergeCells('A1:H1');
  const put = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = ws.getCell(ref);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  put('A2', '单位名称');
  put('B2', '测试县文化旅游广电局');
  put('C2', '报告日期');
  put('D2', new Date(Date.UTC(2024, 3, 10)), 'yyyy-mm-dd');
  put('A3', '年初预算数（万元）');
  put('B3', 986.4, '0.00');
  put('C3', '全年预算数（万元）');
  put('D3', 1120, '0.00');
  put('A4', '全年执行数（万元）');
  put('B4', 1087.73, '0.00');
  put('C4', '执行率');
  // 1087.73 / 1120 as the sheet computes it: a float, shown to two places of per cent.
  put('D4', { formula: 'B4/D3', result: 1087.73 / 1120 }, '0.00%');
  put('A5', '人员编制');
  put('B5', 36);
  put('C5', '实有人数');
  put('D5', 34);
  const header = ['一级指标', '二级指标', '三级指标', '分值', '得分', '年度指标值', '实际完成值', '偏差原因'];
  header.forEach((h, i) => (ws.getRow(7).getCell(i + 1).value = h));
  const rows: [string, string, string, number, number, string | [number, string], string | [number, string], string][] =
    [
      ['投入', '预算执行', '预算执行率', 15, 14, [1, '0%'], [1087.73 / 1120, '0.00%'], '个别项目年底支付'],
      ['投入', '预算管理', '结转结余率', 10, 10, '≤5%', [0.0288, '0.00%'], ''],
      ['过程', '资金管理', '资金使用合规性', 15, 15, '合规', '合规', ''],
      ['产出', '产出数量', '送戏下乡场次', 20, 20, '120场', '126场', ''],
      ['产出', '产出数量', '公共图书馆接待人次', 15, 13, '8万人次', '7.2万人次', '场馆维修闭馆一个月'],
      ['效果', '满意度', '群众满意度', 25, 22, '≥95%', '92%', '部分活动宣传不足'],
    ];
  rows.forEach((r, i) => {
    const row = ws.getRow(8 + i);
    r.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (Array.isArray(v)) {
        cell.value = v[0];
        cell.numFmt = v[1];
      } else cell.value = v;
    });
  });
  ws.mergeCells('A8:A9');
  ws.mergeCells('A11:A12');
  ws.mergeCells('B11:B12');
  ws.getRow(14).getCell(1).value = '合计';
  ws.mergeCells('A14:C14');
  ws.getRow(14).getCell(4).value = 100;
  ws.getRow(14).getCell(5).value = { formula: 'SUM(E8:E13)', result: 94 };
  ws.getCell('A16').value = '填表人：赵敏';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const GENERATED: Record<string, () => Promise<Buffer>> = {
  'hunan-form.docx': hunanFormDocx,
  'self-evaluation.xlsx': selfEvaluationXlsx,
};
