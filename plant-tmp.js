const ExcelJS=require('exceljs');
(async()=>{const wb=new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]); const ws=wb.worksheets[0];
for(const spec of process.argv.slice(4)){const [addr,val]=spec.split('='); ws.getCell(addr).value=val;}
await wb.xlsx.writeFile(process.argv[3]);})();
